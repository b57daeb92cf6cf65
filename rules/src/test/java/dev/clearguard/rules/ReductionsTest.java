package dev.clearguard.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Real-world reductions: small classes reduced from open-source code, written from the
 * architecture's rule table as an independent oracle. Every file in {@code reductions/} is compiled
 * together and must get exactly its marked findings. (A folder of known gaps, reductions ClearGuard
 * got wrong, was once kept beside it; every gap was closed and the folder removed.)
 */
final class ReductionsTest {
  private static final Path ROOT = Path.of("src", "test", "resources");
  private static final Path REDUCTIONS = ROOT.resolve("reductions");

  @Test
  void everyReductionGetsExactlyItsMarkedFindings() throws IOException {
    RuleTester tester = RuleTester.create();
    List<Path> files = javaFiles(REDUCTIONS);
    assertFalse(files.isEmpty(), "no reductions found under " + REDUCTIONS.toAbsolutePath());
    for (Path file : files) {
      tester.addSource(relativeName(REDUCTIONS, file), Files.readString(file));
    }
    tester.expectMarkedFindings();
  }

  private static List<Path> javaFiles(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  private static String relativeName(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }
}
