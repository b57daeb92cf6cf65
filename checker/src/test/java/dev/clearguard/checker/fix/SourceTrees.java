package dev.clearguard.checker.fix;

import dev.clearguard.testing.TestCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.Diagnostic;

/** Copying, reading and compiling source trees for the round-trip tests. */
final class SourceTrees {
  private SourceTrees() {}

  /**
   * Compiles the files with {@code -Xplugin:ClearGuard <pluginArgs>} loaded from the test class
   * path, with the runtime's real SnapshotMap on the class path when asked.
   */
  static TestCompiler.Compilation compileWithPlugin(
      String pluginArgs, List<Path> files, boolean snapshotMap, Path out) {
    return TestCompiler.create()
        .plugin("ClearGuard " + pluginArgs)
        .options("-proc:none")
        .withSnapshotMap(snapshotMap)
        .files(files)
        .compile(out);
  }

  /** The plugin's findings among the compilation's notes, each as {@code file:line: [Rule] ...}. */
  static List<String> findings(TestCompiler.Compilation compiled) {
    return compiled.diagnostics().stream()
        .filter(
            d -> d.getKind() == Diagnostic.Kind.NOTE && d.getMessage(Locale.ROOT).startsWith("["))
        .map(
            d ->
                d.getSource().getName()
                    + ":"
                    + d.getLineNumber()
                    + ": "
                    + d.getMessage(Locale.ROOT))
        .toList();
  }

  static List<Path> files(Path root, List<Path> extra) throws IOException {
    List<Path> out = new ArrayList<>(read(root).keySet());
    out.addAll(extra);
    return out;
  }

  static Map<Path, String> read(Path root) throws IOException {
    Map<Path, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
        out.put(p, Files.readString(p));
      }
    }
    return out;
  }

  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
