package dev.clearguard.checker.fix;

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

/** Compiles files in-process with {@code -Xplugin:ClearGuard} loaded from the test class path. */
final class PluginCompile {
  final boolean success;
  final List<String> warnings;
  final String diagnostics;

  private PluginCompile(boolean success, List<String> warnings, String diagnostics) {
    this.success = success;
    this.warnings = warnings;
    this.diagnostics = diagnostics;
  }

  static PluginCompile run(String pluginArgs, List<Path> files, List<Path> classPath, Path out) {
    try {
      Files.createDirectories(out);
      JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
      DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
      try (StandardJavaFileManager fm = compiler.getStandardFileManager(null, Locale.ROOT, null)) {
        List<String> args = new ArrayList<>();
        args.add("-Xplugin:ClearGuard " + pluginArgs);
        args.addAll(List.of("-processorpath", System.getProperty("java.class.path")));
        args.addAll(List.of("-d", out.toString(), "-proc:none"));
        if (!classPath.isEmpty()) {
          args.add("-classpath");
          args.add(
              String.join(
                  java.io.File.pathSeparator, classPath.stream().map(Path::toString).toList()));
        }
        boolean ok =
            compiler
                .getTask(
                    new StringWriter(),
                    fm,
                    collector,
                    args,
                    null,
                    fm.getJavaFileObjectsFromPaths(files))
                .call();
        List<String> warnings =
            collector.getDiagnostics().stream()
                .filter(
                    d ->
                        d.getKind() == Diagnostic.Kind.NOTE
                            && d.getMessage(Locale.ROOT).startsWith("["))
                .map(
                    d ->
                        d.getSource().getName()
                            + ":"
                            + d.getLineNumber()
                            + ": "
                            + d.getMessage(Locale.ROOT))
                .toList();
        return new PluginCompile(ok, warnings, collector.getDiagnostics().toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
