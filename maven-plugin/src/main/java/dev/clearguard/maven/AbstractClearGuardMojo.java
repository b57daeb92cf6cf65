package dev.clearguard.maven;

import dev.clearguard.checker.Options;
import dev.clearguard.rules.Rule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/** What every ClearGuard goal shares: which sources, which rules, and running the analysis. */
abstract class AbstractClearGuardMojo extends AbstractMojo {
  private static final String COMPILER_PLUGIN = "org.apache.maven.plugins:maven-compiler-plugin";

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  protected MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  protected MavenSession session;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
  protected MojoExecution mojoExecution;

  /**
   * Whether the test sources are analysed too, with the test classpath.
   *
   * @since 0.1.0
   */
  @Parameter(property = "clearguard.includeTests", defaultValue = "false")
  protected boolean includeTests;

  /**
   * Whether to skip ClearGuard for this module.
   *
   * @since 0.1.0
   */
  @Parameter(property = "clearguard.skip", defaultValue = "false")
  protected boolean skip;

  /**
   * The rules to run, comma-separated; unset runs every rule.
   *
   * @since 0.1.0
   */
  @Parameter(property = "clearguard.rules")
  protected String rules;

  /**
   * The rules not to run, comma-separated; unset disables none.
   *
   * @since 0.1.0
   */
  @Parameter(property = "clearguard.disabledRules")
  protected String disabledRules;

  /** The module's analysis, ready for reports. */
  record Analysis(
      List<Reported> findings,
      Map<Path, String> sourceTexts,
      int fileCount,
      List<Path> sourceRoots,
      List<Rule> rules) {}

  /** The rules and options from {@code clearguard.rules} and {@code clearguard.disabledRules}. */
  protected Options options() throws MojoFailureException {
    Options.Builder options = Options.builder();
    try {
      if (rules != null && !rules.isBlank()) {
        options.only(Options.names(rules));
      }
    } catch (Options.InvalidOptionException e) {
      throw new MojoFailureException("Invalid clearguard.rules: " + e.getMessage());
    }
    try {
      if (disabledRules != null && !disabledRules.isBlank()) {
        options.disable(Options.names(disabledRules));
      }
    } catch (Options.InvalidOptionException e) {
      throw new MojoFailureException("Invalid clearguard.disabledRules: " + e.getMessage());
    }
    return options.build();
  }

  protected String moduleName() {
    return project.getArtifactId();
  }

  protected Path repositoryRoot() {
    MavenProject top = session.getTopLevelProject();
    Path fallback =
        top != null && top.getBasedir() != null
            ? top.getBasedir().toPath()
            : Path.of(session.getExecutionRootDirectory());
    return ReportPaths.repositoryRoot(project.getBasedir().toPath(), fallback);
  }

  protected Path displayBase() {
    return Path.of(session.getExecutionRootDirectory()).toAbsolutePath().normalize();
  }

  protected Path reportDirectory() {
    return Path.of(project.getBuild().getDirectory(), "clearguard");
  }

  /** Runs the rules over the module's sources. */
  protected Analysis analyse() throws MojoExecutionException, MojoFailureException {
    return analyse(null);
  }

  /** Runs the rules, handing each finding to {@code early} as soon as its class is analysed. */
  protected Analysis analyse(SourceAnalyzer.EarlyFindings early)
      throws MojoExecutionException, MojoFailureException {
    Options options = options();
    List<Path> roots = sourceRoots();
    List<Path> sources = SourceAnalyzer.sorted(javaFiles(roots));
    SourceAnalyzer.Input request =
        new SourceAnalyzer.Input(
            sources,
            classpath(),
            compilerSetting("release", "maven.compiler.release"),
            compilerSetting("source", "maven.compiler.source"),
            project.getProperties().getProperty("project.build.sourceEncoding"),
            moduleOptions(),
            options);
    SourceAnalyzer.Scan result;
    long start = System.nanoTime();
    try {
      result = SourceAnalyzer.analyze(request, displayBase(), early);
    } catch (SourceAnalyzer.CompileErrorException e) {
      throw new MojoExecutionException(
          "ClearGuard cannot analyse "
              + moduleName()
              + " because its sources do not compile; first error: "
              + e.getMessage());
    } catch (IOException e) {
      throw new MojoExecutionException(
          "ClearGuard could not read the sources of " + moduleName() + ": " + e, e);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new MojoExecutionException("ClearGuard: " + e.getMessage(), e);
    }
    getLog()
        .debug(
            "ClearGuard analysed "
                + sources.size()
                + " files in "
                + (System.nanoTime() - start) / 1_000_000
                + " ms");
    Path repoRoot = repositoryRoot();
    Path display = displayBase();
    List<Reported> reported = new ArrayList<>();
    for (SourceAnalyzer.Located l : result.findings()) {
      reported.add(
          new Reported(
              l.finding(),
              l.file(),
              ReportPaths.relative(l.file(), repoRoot),
              ReportPaths.display(l.file(), display),
              l.member(),
              l.statement(),
              Level.of(l.finding().rule()),
              false,
              null));
    }
    return new Analysis(
        List.copyOf(reported), result.sourceTexts(), result.fileCount(), roots, options.rules());
  }

  private List<Path> sourceRoots() {
    Set<String> roots = new LinkedHashSet<>(project.getCompileSourceRoots());
    if (includeTests) {
      roots.addAll(project.getTestCompileSourceRoots());
    }
    return roots.stream()
        .map(r -> project.getBasedir().toPath().resolve(r).toAbsolutePath().normalize())
        .filter(Files::isDirectory)
        .toList();
  }

  private static List<Path> javaFiles(List<Path> roots) {
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> p.getFileName().toString().endsWith(".java"))
            // Analysed on the classpath as the unnamed module; a module declaration would need
            // the module path and adds nothing the rules look at.
            .filter(p -> !p.getFileName().toString().equals("module-info.java"))
            .filter(Files::isRegularFile)
            .forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  private List<String> classpath() throws MojoExecutionException {
    List<String> elements;
    try {
      elements =
          includeTests ? project.getTestClasspathElements() : project.getCompileClasspathElements();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("ClearGuard needs the resolved classpath: " + e, e);
    }
    // The module's own classes are analysed from source, which javac prefers to any class file of
    // the same name; its output directories go last, only so that classes generated by an earlier
    // build (annotation processors) still resolve when the goal runs without compiling first.
    List<Path> own =
        List.of(
            Path.of(project.getBuild().getOutputDirectory()).toAbsolutePath().normalize(),
            Path.of(project.getBuild().getTestOutputDirectory()).toAbsolutePath().normalize());
    List<String> out = new ArrayList<>();
    for (String element : elements) {
      Path path = Path.of(element).toAbsolutePath().normalize();
      if (!own.contains(path) && Files.exists(path)) {
        out.add(path.toString());
      }
    }
    for (Path dir : includeTests ? own : own.subList(0, 1)) {
      if (Files.isDirectory(dir)) {
        out.add(dir.toString());
      }
    }
    return out;
  }

  /**
   * The module-system options of the project's compiler configuration ({@code --add-exports},
   * {@code --add-reads}, {@code --add-modules}, {@code --enable-preview}): code using JDK internals
   * compiles only with them. Everything else in {@code compilerArgs} (plugins, lint, -Werror)
   * concerns the user's own compilation, not this analysis.
   */
  List<String> moduleOptions() {
    Plugin compiler = project.getPlugin(COMPILER_PLUGIN);
    if (compiler == null) {
      return List.of();
    }
    List<String> args = new ArrayList<>();
    collectArgs(child(compiler.getConfiguration(), "compilerArgs"), args);
    for (PluginExecution execution : compiler.getExecutions()) {
      if ("default-compile".equals(execution.getId())
          || (includeTests && "default-testCompile".equals(execution.getId()))) {
        collectArgs(child(execution.getConfiguration(), "compilerArgs"), args);
      }
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--enable-preview")) {
        out.add(arg);
      } else if (MODULE_OPTIONS.stream().anyMatch(o -> arg.startsWith(o + "="))) {
        out.add(arg);
      } else if (MODULE_OPTIONS.contains(arg) && i + 1 < args.size()) {
        out.add(arg);
        out.add(args.get(++i));
      }
    }
    return List.copyOf(new LinkedHashSet<>(out));
  }

  private static final List<String> MODULE_OPTIONS =
      List.of("--add-exports", "--add-reads", "--add-modules");

  private static void collectArgs(Xpp3Dom compilerArgs, List<String> into) {
    if (compilerArgs == null) {
      return;
    }
    for (Xpp3Dom arg : compilerArgs.getChildren()) {
      String value = usable(arg.getValue());
      if (value != null) {
        into.add(value);
      }
    }
  }

  /**
   * A compiler setting as maven-compiler-plugin would see it: its configuration (plugin-level or
   * the default-compile execution) wins over the user property; an explicitly empty element turns
   * the setting off.
   */
  String compilerSetting(String name, String property) {
    Plugin compiler = project.getPlugin(COMPILER_PLUGIN);
    if (compiler != null) {
      for (PluginExecution execution : compiler.getExecutions()) {
        if ("default-compile".equals(execution.getId())) {
          Xpp3Dom child = child(execution.getConfiguration(), name);
          if (child != null) {
            return usable(child.getValue());
          }
        }
      }
      Xpp3Dom child = child(compiler.getConfiguration(), name);
      if (child != null) {
        return usable(child.getValue());
      }
    }
    return usable(project.getProperties().getProperty(property));
  }

  private static Xpp3Dom child(Object configuration, String name) {
    return configuration instanceof Xpp3Dom dom ? dom.getChild(name) : null;
  }

  private static String usable(String value) {
    return value == null || value.isBlank() || value.contains("${") ? null : value.trim();
  }

  protected static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  /** The charset the sources are read and written in: project.build.sourceEncoding. */
  protected java.nio.charset.Charset sourceCharset() {
    String encoding = project.getProperties().getProperty("project.build.sourceEncoding");
    return encoding == null || encoding.isBlank()
        ? java.nio.charset.Charset.defaultCharset()
        : java.nio.charset.Charset.forName(encoding);
  }
}
