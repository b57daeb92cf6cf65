package dev.clearguard.maven;

import dev.clearguard.checker.AtomicFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Analyses the module's sources with ClearGuard, prints each finding like javac, writes SARIF and
 * HTML reports under {@code target/clearguard/}, and fails the build on findings the baseline does
 * not accept.
 */
@Mojo(
    name = "check",
    defaultPhase = LifecyclePhase.VERIFY,
    threadSafe = true,
    requiresDependencyResolution = ResolutionScope.TEST)
public class CheckMojo extends AbstractClearGuardMojo {
  static final String SARIF_FILE = "clearguard.sarif";
  static final String HTML_FILE = "clearguard.html";

  /**
   * Whether findings fail the build.
   *
   * @since 0.1.0
   */
  @Parameter(property = "clearguard.failOnViolation", defaultValue = "true")
  protected boolean failOnViolation;

  /**
   * The lowest level of finding that fails the build: {@code warning} (every finding) or {@code
   * error}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "clearguard.failOnSeverity", defaultValue = "warning")
  protected String failOnSeverity;

  /**
   * The baseline of accepted findings; used when the file exists, and an error when set to a
   * missing file.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "clearguard.baseline",
      defaultValue = "${project.basedir}/clearguard-baseline.json")
  protected File baseline;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    ReactorSummary reactor = ReactorSummary.of(session, mojoExecution);
    if (skip) {
      getLog().info("ClearGuard: skipped (clearguard.skip) in " + moduleName());
      printReactor(reactor, 0, 0, 0, false);
      return;
    }
    Level threshold;
    try {
      threshold = Level.parse("clearguard.failOnSeverity", failOnSeverity);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("Invalid " + e.getMessage());
    }
    Path baselineFile = baselineFile();
    try (FixerPool fixer = new FixerPool()) {
      // Without a baseline every finding gets a fix in the reports: start on them during the
      // analysis. With one, most findings are usually baselined and need none.
      Analysis analysis = analyse(baselineFile == null ? fixer::submit : null);
      if (analysis.fileCount() == 0) {
        getLog().info("ClearGuard: no Java sources in " + moduleName());
        printReactor(reactor, 0, 0, 0, false);
        return;
      }
      report(reactor, threshold, baselineFile, analysis, fixer);
    }
  }

  private void report(
      ReactorSummary reactor,
      Level threshold,
      Path baselineFile,
      Analysis analysis,
      FixerPool fixer)
      throws MojoExecutionException, MojoFailureException {
    List<Reported> findings = analysis.findings();
    if (baselineFile != null) {
      findings = readBaseline(baselineFile).apply(findings);
    }
    long fixStart = System.nanoTime();
    findings = FixerPool.suggest(findings, analysis.sourceTexts(), fixer);
    getLog().debug("ClearGuard computed fixes in " + millis(fixStart) + " ms");
    Report report =
        new Report(
            moduleName(),
            pluginVersion(),
            analysis.rules(),
            findings,
            analysis.sourceTexts(),
            repositoryRoot(),
            analysis.fileCount(),
            baselineFile);
    Path sarif = reportDirectory().resolve(SARIF_FILE);
    Path html = reportDirectory().resolve(HTML_FILE);
    long reportStart = System.nanoTime();
    try {
      AtomicFiles.write(sarif, SarifReport.render(report));
      AtomicFiles.write(html, HtmlReport.render(report));
    } catch (IOException e) {
      throw new MojoExecutionException("ClearGuard could not write its reports: " + e, e);
    }
    getLog().debug("ClearGuard wrote its reports in " + millis(reportStart) + " ms");

    List<Reported> fresh = report.newFindings();
    for (Reported r : fresh) {
      getLog().warn(r.consoleLine());
    }
    int baselined = report.baselinedFindings().size();
    for (Reported r : report.baselinedFindings()) {
      getLog().debug("baselined: " + r.consoleLine());
    }
    long failing = fresh.stream().filter(r -> r.level().atLeast(threshold)).count();
    boolean fails = failOnViolation && failing > 0;

    StringBuilder summary = new StringBuilder("ClearGuard: ");
    summary.append(plural(fresh.size(), "finding"));
    if (baselineFile != null) {
      summary.append(" (").append(baselined).append(" more accepted by the baseline)");
    }
    summary.append(" in ").append(moduleName());
    summary.append(" (").append(plural(analysis.fileCount(), "file")).append(" analysed); ");
    summary.append("reports: ").append(ReportPaths.display(sarif, displayBase()));
    summary.append(", ").append(ReportPaths.display(html, displayBase()));
    if (fresh.isEmpty()) {
      getLog().info(summary);
    } else {
      getLog().warn(summary);
    }
    printReactor(reactor, fresh.size(), baselined, analysis.fileCount(), fails);
    if (fails) {
      throw new MojoFailureException(
          "ClearGuard found "
              + plural((int) failing, "finding")
              + (threshold == Level.ERROR ? " of level error" : "")
              + (baselineFile != null ? " not in the baseline" : "")
              + " in "
              + moduleName()
              + "; see "
              + ReportPaths.display(html, displayBase())
              + " (or set clearguard.failOnViolation=false)");
    }
  }

  private void printReactor(
      ReactorSummary reactor, int findings, int baselined, int files, boolean fails) {
    if (reactor == null) {
      return;
    }
    String line = reactor.register(moduleName(), findings, baselined, files, fails);
    if (line != null) {
      if (findings > 0 || line.contains("failing:")) {
        getLog().warn(line);
      } else {
        getLog().info(line);
      }
    }
  }

  /** The baseline to apply: the default file when it exists, a set one always. */
  private Path baselineFile() throws MojoFailureException {
    if (baseline == null) {
      return null;
    }
    Path path = baseline.toPath().toAbsolutePath().normalize();
    if (Files.isRegularFile(path)) {
      return path;
    }
    Path defaultPath =
        project.getBasedir().toPath().resolve(Baseline.DEFAULT_FILE_NAME).toAbsolutePath();
    if (path.equals(defaultPath.normalize())) {
      return null;
    }
    throw new MojoFailureException(
        "ClearGuard baseline "
            + path
            + " (clearguard.baseline) does not exist; create it with mvn clearguard:baseline");
  }

  private static Baseline readBaseline(Path file) throws MojoFailureException {
    try {
      return Baseline.read(file);
    } catch (Baseline.MalformedException e) {
      throw new MojoFailureException(
          e.getMessage() + " (regenerate it with mvn clearguard:baseline)");
    } catch (IOException e) {
      throw new MojoFailureException("ClearGuard could not read the baseline " + file + ": " + e);
    }
  }

  private static long millis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  String pluginVersion() {
    return mojoExecution == null
        ? "unknown"
        : mojoExecution.getMojoDescriptor().getPluginDescriptor().getVersion();
  }
}
