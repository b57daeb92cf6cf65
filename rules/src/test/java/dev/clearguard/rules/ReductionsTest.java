package dev.clearguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Real-world reductions: small classes reduced from open-source code, written from the
 * architecture's rule table as an independent oracle. Every file in {@code reductions/} is compiled
 * together and must get exactly its marked findings. Files in {@code reductions-known-gaps/} carry
 * the markers the spec demands but ClearGuard currently gets wrong; they must keep differing, so
 * that fixing one forces moving it into {@code reductions/}.
 */
final class ReductionsTest {
  private static final Path ROOT = Path.of("src", "test", "resources");
  private static final Path REDUCTIONS = ROOT.resolve("reductions");
  private static final Path KNOWN_GAPS = ROOT.resolve("reductions-known-gaps");

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

  @Test
  void everyKnownGapStillDiffers() throws IOException {
    List<Path> reductions = javaFiles(REDUCTIONS);
    List<String> fixed = new ArrayList<>();
    for (Path gap : javaFiles(KNOWN_GAPS)) {
      RuleTester tester = RuleTester.create();
      for (Path file : reductions) {
        tester.addSource(relativeName(REDUCTIONS, file), Files.readString(file));
      }
      tester.addSource(relativeName(KNOWN_GAPS, gap), Files.readString(gap));
      try {
        tester.expectMarkedFindings();
        fixed.add(relativeName(KNOWN_GAPS, gap));
      } catch (AssertionError stillDiffers) {
        // expected: the gap is still open
      }
    }
    assertEquals(
        List.of(),
        fixed,
        "these known gaps now match their markers: move them from reductions-known-gaps/ to"
            + " reductions/");
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
