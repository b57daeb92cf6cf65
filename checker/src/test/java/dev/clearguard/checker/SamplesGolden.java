package dev.clearguard.checker;

import dev.clearguard.rules.Rule;
import dev.clearguard.rules.Rules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The samples' golden findings ({@code samples/expected-findings.txt}, {@code path:line:Rule}). */
public final class SamplesGolden {
  private SamplesGolden() {}

  /** Every golden finding of the samples module at {@code samples}, in file order. */
  public static List<String> findings(Path samples) {
    try {
      return Files.readAllLines(samples.resolve("expected-findings.txt")).stream()
          .filter(line -> !line.isBlank())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * How many findings the fixer leaves manual in the samples when {@code SnapshotMap} is not on the
   * class path, as the Error Prone build check pins them ({@code path:Rule} lines of {@code
   * src/it/errorprone-jdk25/expected-after-patch.txt}); with it, it leaves none. Findings of rules
   * that offer no fix come on top ({@link #ofRulesWithoutFixes}).
   */
  public static long manualWithoutSnapshotMap() {
    try {
      return Files.readAllLines(Path.of("src/it/errorprone-jdk25/expected-after-patch.txt"))
          .stream()
          .filter(line -> !line.isBlank())
          .count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * How many golden findings belong to rules that offer no automatic fix ({@link Rule#fixes()}
   * empty): a patch leaves all of them in place, on top of the findings the fixer leaves manual.
   */
  public static long ofRulesWithoutFixes(Path samples) {
    return findings(samples).stream()
        .map(line -> Rules.named(line.substring(line.lastIndexOf(':') + 1)))
        .filter(rule -> rule != null && rule.fixes().isEmpty())
        .count();
  }
}
