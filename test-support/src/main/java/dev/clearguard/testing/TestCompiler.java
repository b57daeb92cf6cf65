package dev.clearguard.testing;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The one in-process javac harness of the project's tests: compiles sources given as text or as
 * files, with the options, class path, plugin and task listeners a test asks for, and returns what
 * javac said.
 *
 * <p>The class path is the test JVM's own unless a test sets one. The runtime's {@code SnapshotMap}
 * is never on it by default (the rules offer the SnapshotMap fix only when it is there, so most
 * tests need it absent); {@link #withSnapshotMap()} adds the real class. Its location comes from
 * the system property {@value #RUNTIME_PROPERTY}, which each module's build sets, or else from the
 * class itself when it is loadable.
 */
public final class TestCompiler {
  /** The system property naming the runtime's classes (a jar or a directory). */
  public static final String RUNTIME_PROPERTY = "clearguard.runtime";

  private static final String SNAPSHOT_MAP = "dev.clearguard.runtime.SnapshotMap";

  private final List<JavaFileObject> memorySources = new ArrayList<>();
  private final List<Path> files = new ArrayList<>();
  private final List<String> options = new ArrayList<>();
  private final List<Function<JavacTask, TaskListener>> listeners = new ArrayList<>();
  private List<Path> classPath;
  private boolean snapshotMap;
  private String plugin;
  private boolean captureStandardError;

  private TestCompiler() {}

  public static TestCompiler create() {
    return new TestCompiler();
  }

  /** Adds a source held in memory, named by its path below a source root. */
  public TestCompiler source(String path, String text) {
    memorySources.add(
        new SimpleJavaFileObject(URI.create("string:///" + path), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
          }
        });
    return this;
  }

  /** Adds source files on disk. */
  public TestCompiler files(List<Path> sourceFiles) {
    files.addAll(sourceFiles);
    return this;
  }

  /**
   * Writes {@code sources} (path, text, path, text, ...) below {@code dir} and adds them as files.
   */
  public TestCompiler writeFiles(Path dir, String... sources) {
    try {
      for (int i = 0; i < sources.length; i += 2) {
        Path file = dir.resolve(sources[i]);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sources[i + 1]);
        files.add(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Adds javac options. */
  public TestCompiler options(String... more) {
    options.addAll(Arrays.asList(more));
    return this;
  }

  /** Adds javac options. */
  public TestCompiler options(List<String> more) {
    options.addAll(more);
    return this;
  }

  /** Replaces the class path (the test JVM's by default); SnapshotMap is added when asked. */
  public TestCompiler classPath(List<Path> entries) {
    classPath = List.copyOf(entries);
    return this;
  }

  /** Puts the runtime's real {@code SnapshotMap} on the class path. */
  public TestCompiler withSnapshotMap() {
    return withSnapshotMap(true);
  }

  /** Puts the runtime's real {@code SnapshotMap} on the class path when {@code wanted}. */
  public TestCompiler withSnapshotMap(boolean wanted) {
    snapshotMap = wanted;
    return this;
  }

  /**
   * Runs the javac plugin {@code -Xplugin:<nameAndArgs>}, loaded from the test JVM's class path
   * (which holds the plugin's classes and their {@code META-INF/services} entry).
   */
  public TestCompiler plugin(String nameAndArgs) {
    plugin = nameAndArgs;
    return this;
  }

  /** Adds a task listener, made from the task once it exists. */
  public TestCompiler listener(Function<JavacTask, TaskListener> listener) {
    listeners.add(listener);
    return this;
  }

  /** Captures what the compilation prints on standard error ({@link Compilation#stderr()}). */
  public TestCompiler captureStandardError() {
    captureStandardError = true;
    return this;
  }

  /**
   * What javac said.
   *
   * @param success whether the compilation succeeded
   * @param diagnostics every diagnostic, in order
   * @param output javac's other output
   * @param stderr what was printed on standard error, when captured, else empty
   */
  public record Compilation(
      boolean success,
      List<Diagnostic<? extends JavaFileObject>> diagnostics,
      String output,
      String stderr) {

    /** The diagnostics of one kind, each as {@code line: message}. */
    public List<String> messages(Diagnostic.Kind kind) {
      return diagnostics.stream()
          .filter(d -> d.getKind() == kind)
          .map(d -> d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
          .toList();
    }

    public List<String> errors() {
      return messages(Diagnostic.Kind.ERROR);
    }
  }

  /** Compiles to {@code classes} (created if absent) and returns what javac said. */
  public Compilation compile(Path classes) {
    try {
      Files.createDirectories(classes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return run(List.of("-d", classes.toString()), JavacTask::call);
  }

  /**
   * Parses and attributes the sources without generating classes ({@link JavacTask#analyze}), the
   * phases the rules run in; it succeeds when javac reports no error.
   */
  public Compilation analyze() {
    return run(
        List.of(),
        task -> {
          try {
            task.analyze();
            return null;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** The test JVM's class path, without the runtime's classes. */
  public static List<Path> defaultClassPath() {
    Path runtime = runtimeOrNull();
    List<Path> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator, -1)) {
      if (!entry.isEmpty()) {
        Path path = Path.of(entry).toAbsolutePath().normalize();
        if (!path.equals(runtime)) {
          entries.add(path);
        }
      }
    }
    return entries;
  }

  /**
   * The test JVM's class path with the runtime's real SnapshotMap on it, as a {@code -classpath}
   * value: for harnesses other than this one, such as Error Prone's test helpers.
   */
  public static String classPathWithSnapshotMap() {
    List<Path> path = new ArrayList<>(defaultClassPath());
    path.add(runtimeClasses());
    return String.join(File.pathSeparator, path.stream().map(Path::toString).toList());
  }

  /** Where the runtime's classes are: a jar or a directory holding the real SnapshotMap. */
  public static Path runtimeClasses() {
    Path runtime = runtimeOrNull();
    if (runtime == null) {
      throw new IllegalStateException(
          "SnapshotMap is not available: set -D"
              + RUNTIME_PROPERTY
              + " to the clearguard-runtime jar or classes directory");
    }
    return runtime;
  }

  private static Path runtimeOrNull() {
    String property = System.getProperty(RUNTIME_PROPERTY);
    if (property != null && !property.isBlank() && !property.startsWith("${")) {
      return Path.of(property).toAbsolutePath().normalize();
    }
    try {
      CodeSource source =
          Class.forName(SNAPSHOT_MAP, false, TestCompiler.class.getClassLoader())
              .getProtectionDomain()
              .getCodeSource();
      return source == null ? null : Path.of(source.getLocation().toURI()).normalize();
    } catch (ClassNotFoundException | URISyntaxException e) {
      return null;
    }
  }

  /** A compilation step: whether it succeeded, or null to judge by the errors reported. */
  private interface Step {
    Boolean run(JavacTask task);
  }

  private Compilation run(List<String> output, Step step) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
    StringWriter out = new StringWriter();
    try (StandardJavaFileManager fm = compiler.getStandardFileManager(null, Locale.ROOT, null)) {
      List<String> args = new ArrayList<>();
      if (plugin != null) {
        args.add("-Xplugin:" + plugin);
        args.addAll(List.of("-processorpath", System.getProperty("java.class.path")));
      }
      args.addAll(options);
      List<Path> path = new ArrayList<>(classPath != null ? classPath : defaultClassPath());
      if (snapshotMap) {
        path.add(runtimeClasses());
      }
      args.add("-classpath");
      args.add(String.join(File.pathSeparator, path.stream().map(Path::toString).toList()));
      args.addAll(output);
      List<JavaFileObject> units = new ArrayList<>(memorySources);
      fm.getJavaFileObjectsFromPaths(files).forEach(units::add);
      JavacTask task = (JavacTask) compiler.getTask(out, fm, collector, args, null, units);
      for (Function<JavacTask, TaskListener> listener : listeners) {
        task.addTaskListener(Objects.requireNonNull(listener.apply(task)));
      }
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      PrintStream original = System.err;
      Boolean ok;
      if (captureStandardError) {
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      }
      try {
        ok = step.run(task);
      } finally {
        if (captureStandardError) {
          System.setErr(original);
        }
      }
      boolean success =
          ok != null
              ? ok
              : collector.getDiagnostics().stream()
                  .noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
      return new Compilation(
          success,
          collector.getDiagnostics(),
          out.toString(),
          err.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
