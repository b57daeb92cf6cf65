package dev.clearguard.checker;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Runs javac in-process on source files written to a temporary folder, with the plugin loaded. */
final class Compilation {
  final boolean success;
  final List<Diagnostic<? extends JavaFileObject>> diagnostics;
  final String output;

  /** What the plugin printed on standard error during the compilation. */
  final String stderr;

  private Compilation(
      boolean success,
      List<Diagnostic<? extends JavaFileObject>> diagnostics,
      String output,
      String stderr) {
    this.success = success;
    this.diagnostics = diagnostics;
    this.output = output;
    this.stderr = stderr;
  }

  /** Writes {@code sources} (path, text, path, text, ...) below {@code dir} and compiles them. */
  static Compilation compile(Path dir, List<String> options, String... sources) {
    try {
      List<Path> files = new ArrayList<>();
      for (int i = 0; i < sources.length; i += 2) {
        Path file = dir.resolve("src").resolve(sources[i]);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sources[i + 1]);
        files.add(file);
      }
      Path classes = Files.createDirectories(dir.resolve("classes"));
      JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
      DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
      StringWriter out = new StringWriter();
      try (StandardJavaFileManager fm = compiler.getStandardFileManager(null, Locale.ROOT, null)) {
        List<String> args = new ArrayList<>(options);
        args.addAll(
            List.of(
                "-processorpath", System.getProperty("java.class.path"), "-d", classes.toString()));
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.err;
        boolean ok;
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
          ok =
              compiler
                  .getTask(out, fm, collector, args, null, fm.getJavaFileObjectsFromPaths(files))
                  .call();
        } finally {
          System.setErr(original);
        }
        return new Compilation(
            ok,
            collector.getDiagnostics(),
            out.toString(),
            err.toString(java.nio.charset.StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<String> messages(Diagnostic.Kind kind) {
    return diagnostics.stream()
        .filter(d -> d.getKind() == kind)
        .map(d -> d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
        .toList();
  }
}
