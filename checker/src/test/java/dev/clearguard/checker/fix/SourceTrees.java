package dev.clearguard.checker.fix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Copying and reading source trees for the round-trip tests. */
final class SourceTrees {
  private SourceTrees() {}

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
