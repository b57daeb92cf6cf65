package dev.clearguard.maven;

import dev.clearguard.checker.AtomicFiles;
import dev.clearguard.checker.fix.FixResult;
import dev.clearguard.checker.fix.Fixer;
import dev.clearguard.rules.Finding;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Rewrites the module's sources with the fixer so that ClearGuard's findings go away, prints what
 * changed per file and which findings need a person, and analyses the result again.
 */
@Mojo(name = "fix", threadSafe = true, requiresDependencyResolution = ResolutionScope.TEST)
public class FixMojo extends AbstractClearGuardMojo {
  /**
   * Whether to print the unified diff of the fixes instead of writing any file.
   *
   * @since 0.1.0
   */
  @Parameter(property = "clearguard.dryRun", defaultValue = "false")
  protected boolean dryRun;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("ClearGuard: skipped (clearguard.skip) in " + moduleName());
      return;
    }
    Analysis analysis = analyse();
    Map<Path, List<Reported>> byFile = new LinkedHashMap<>();
    for (Reported r : analysis.findings()) {
      byFile.computeIfAbsent(r.file(), f -> new ArrayList<>()).add(r);
    }
    List<FixResult> changed = new ArrayList<>();
    int applied = 0;
    int manual = 0;
    for (Map.Entry<Path, List<Reported>> file : byFile.entrySet()) {
      List<Reported> reported = file.getValue();
      String display = reported.get(0).display();
      List<Finding> findings = reported.stream().map(Reported::finding).toList();
      FixResult result =
          Fixer.fix(file.getKey().toString(), analysis.sourceTexts().get(file.getKey()), findings);
      applied += result.applied().size();
      manual += result.manual().size();
      if (result.changed()) {
        changed.add(result);
        getLog()
            .info(
                display
                    + ": "
                    + (dryRun ? "would fix " : "fixed ")
                    + plural(result.applied().size(), "finding")
                    + " ("
                    + String.join(
                        ", ",
                        result.applied().stream()
                            .map(o -> o.finding().rule() + " at line " + o.finding().line())
                            .toList())
                    + ")");
      }
      for (FixResult.Outcome outcome : result.manual()) {
        Finding f = outcome.finding();
        getLog()
            .warn(
                display
                    + ":"
                    + f.line()
                    + ": ["
                    + f.rule()
                    + "] needs a manual fix ("
                    + outcome.reason()
                    + "): "
                    + outcome.manualRecipe());
      }
    }
    if (dryRun) {
      for (FixResult result : changed) {
        getLog().info("\n" + result.diff().stripTrailing());
      }
      getLog()
          .info(
              "ClearGuard fix (dry run): "
                  + plural(applied, "finding")
                  + " would be fixed in "
                  + plural(changed.size(), "file")
                  + ", "
                  + manual
                  + " need a manual fix, in "
                  + moduleName()
                  + "; nothing was written");
      return;
    }
    Charset charset = sourceCharset();
    for (FixResult result : changed) {
      try {
        AtomicFiles.write(Path.of(result.path()), result.fixed(), charset);
      } catch (IOException e) {
        throw new MojoExecutionException(
            "ClearGuard could not write the fixed " + result.path() + ": " + e, e);
      }
    }
    String left = "";
    if (!changed.isEmpty()) {
      // The rewrite must still compile and must have removed what it claims: analyse again.
      Analysis after;
      try {
        after = analyse();
      } catch (MojoExecutionException e) {
        throw new MojoExecutionException(
            "ClearGuard's fixes left "
                + moduleName()
                + " not compiling; review them with your version control's diff. "
                + e.getMessage());
      }
      left = "; " + plural(after.findings().size(), "finding") + " remain";
      // Every finding left, each at its line: those the fixer left to the author, and any the
      // rewrite itself caused (a field made volatile can expose a sibling field's race).
      for (Reported remaining : after.findings()) {
        Finding f = remaining.finding();
        getLog()
            .warn(
                remaining.display()
                    + ":"
                    + f.line()
                    + ": ["
                    + f.rule()
                    + "] remains after the fix: "
                    + f.message());
      }
    }
    getLog()
        .info(
            "ClearGuard fix: "
                + plural(applied, "finding")
                + " fixed in "
                + plural(changed.size(), "file")
                + ", "
                + manual
                + " need a manual fix, in "
                + moduleName()
                + left);
  }
}
