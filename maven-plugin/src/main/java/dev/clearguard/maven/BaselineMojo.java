package dev.clearguard.maven;

import dev.clearguard.checker.AtomicFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Records the module's current findings as accepted in a baseline file, so that {@code
 * clearguard:check} fails only on findings added later.
 */
@Mojo(name = "baseline", threadSafe = true, requiresDependencyResolution = ResolutionScope.TEST)
public class BaselineMojo extends AbstractClearGuardMojo {
  /** Modules sharing one baseline file update it one after the other, never both at once. */
  private static final Map<Path, Object> FILE_LOCKS = new ConcurrentHashMap<>();

  /**
   * The baseline file to write; several modules may share one file, each replacing only the entries
   * of its own sources.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "clearguard.baseline",
      defaultValue = "${project.basedir}/clearguard-baseline.json")
  protected File baseline;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("ClearGuard: skipped (clearguard.skip) in " + moduleName());
      return;
    }
    Path file = baseline.toPath().toAbsolutePath().normalize();
    Analysis analysis = analyse();
    Path repoRoot = repositoryRoot();
    List<String> ownRoots =
        analysis.sourceRoots().stream().map(r -> ReportPaths.relative(r, repoRoot) + "/").toList();
    Predicate<Baseline.Key> own = key -> ownRoots.stream().anyMatch(key.file()::startsWith);
    Baseline current = Baseline.of(analysis.findings());
    synchronized (FILE_LOCKS.computeIfAbsent(file, f -> new Object())) {
      if (analysis.findings().isEmpty() && !Files.exists(file)) {
        getLog().info("ClearGuard: no findings in " + moduleName() + "; no baseline written");
        return;
      }
      Baseline merged;
      try {
        merged = Files.exists(file) ? Baseline.read(file).replacing(own, current) : current;
      } catch (Baseline.MalformedException e) {
        // An unreadable file is replaced: writing a fresh baseline is how one repairs it.
        getLog().warn(e.getMessage() + "; replacing it");
        merged = current;
      } catch (IOException e) {
        throw new MojoExecutionException("ClearGuard could not read " + file + ": " + e, e);
      }
      try {
        AtomicFiles.write(file, merged.render());
      } catch (IOException e) {
        throw new MojoExecutionException("ClearGuard could not write " + file + ": " + e, e);
      }
      getLog()
          .info(
              "ClearGuard: baseline of "
                  + moduleName()
                  + " accepts "
                  + plural(current.size(), "finding")
                  + "; wrote "
                  + ReportPaths.display(file, displayBase())
                  + " ("
                  + plural(merged.size(), "finding")
                  + " in all)");
    }
  }
}
