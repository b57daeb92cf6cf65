package dev.clearguard.checker.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clearguard.checker.SamplesGolden;
import dev.clearguard.testing.TestCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The samples' findings, fixed through {@code -Xplugin:"ClearGuard patch=..."}: the patch applies
 * with {@code git apply} from the repository root, the patched code compiles, ClearGuard then finds
 * nothing the fixer could fix, and the patch touches only lines the findings are about.
 */
final class SamplesRoundTripTest {
  private static final Path SAMPLES_MODULE = Path.of("../samples");
  private static final Path SAMPLES = SAMPLES_MODULE.resolve("src/main/java");
  private static final Pattern HUNK =
      Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+", Pattern.MULTILINE);

  @TempDir Path dir;

  @Test
  void fixSamplesWithSnapshotMapRoundTrip() throws Exception {
    roundTrip(true);
  }

  @Test
  void fixSamplesWithoutSnapshotMapRoundTrip() throws Exception {
    roundTrip(false);
  }

  private void roundTrip(boolean snapshotMap) throws Exception {
    Path repo = dir.resolve("repo");
    Path sources = repo.resolve("samples/src/main/java");
    SourceTrees.copy(SAMPLES, sources);
    Map<Path, String> original = SourceTrees.read(sources);
    // A checkout: the patch names files relative to the work tree's root.
    Assumptions.assumeTrue(UnifiedDiffTest.git(repo, "init", "-q") == 0, "git is not available");
    Path patch = dir.resolve("out/clearguard.patch");
    TestCompiler.Compilation first =
        SourceTrees.compileWithPlugin(
            "patch=" + patch,
            SourceTrees.files(sources, List.of()),
            snapshotMap,
            dir.resolve("c1"));
    assertTrue(first.success(), first.diagnostics().toString());
    assertEquals(
        SamplesGolden.findings(SAMPLES_MODULE).size(),
        SourceTrees.findings(first).size(),
        SourceTrees.findings(first)::toString);
    assertEquals(original, SourceTrees.read(sources), "the plugin must not touch sources");
    String diff = Files.readString(patch);
    assertFalse(diff.isEmpty());
    assertOnlyFindingLinesChange(diff, SourceTrees.findings(first));

    assertTrue(diff.startsWith("--- a/samples/src/main/java/dev/clearguard/samples/"), diff);
    assertEquals(0, UnifiedDiffTest.git(repo, "apply", "--check", patch.toString()));
    assertEquals(0, UnifiedDiffTest.git(repo, "apply", patch.toString()));
    for (Map.Entry<Path, String> file : original.entrySet()) {
      boolean hasFinding =
          SourceTrees.findings(first).stream().anyMatch(w -> w.startsWith(file.getKey() + ":"));
      if (!hasFinding) {
        assertEquals(file.getValue(), Files.readString(file.getKey()), file.getKey().toString());
      }
    }

    Path second = dir.resolve("out/second.patch");
    TestCompiler.Compilation again =
        SourceTrees.compileWithPlugin(
            "patch=" + second,
            SourceTrees.files(sources, List.of()),
            snapshotMap,
            dir.resolve("c2"));
    assertTrue(again.success(), again.diagnostics().toString());
    assertEquals("", Files.readString(second), "still fixable after the patch");
    // Without SnapshotMap the two drain loops and the two locks on `routes` stay manual (4, as
    // expected-after-patch.txt lists them); the findings of a rule that offers no fix all stay.
    long manual = snapshotMap ? 0 : SamplesGolden.manualWithoutSnapshotMap();
    assertEquals(
        manual + SamplesGolden.ofRulesWithoutFixes(SAMPLES_MODULE),
        SourceTrees.findings(again).size(),
        SourceTrees.findings(again)::toString);
  }

  /** Every removed line is on a line a finding reports, or within a few lines of its statement. */
  private static void assertOnlyFindingLinesChange(String diff, List<String> warnings) {
    String[] files = diff.split("(?m)^--- a/");
    for (String file : files) {
      if (file.isEmpty()) {
        continue;
      }
      String name = file.substring(0, file.indexOf('\n'));
      List<Integer> findingLines = new ArrayList<>();
      for (String w : warnings) {
        String path = w.substring(0, w.indexOf(".java:") + 5).replace('\\', '/');
        if (path.endsWith(name)) {
          findingLines.add(Integer.parseInt(w.substring(path.length() + 1, w.indexOf(": ["))));
        }
      }
      assertFalse(findingLines.isEmpty(), "patched a file without findings: " + name);
      Matcher hunk = HUNK.matcher(file);
      while (hunk.find()) {
        int line = Integer.parseInt(hunk.group(1));
        int start = hunk.end();
        String body = file.substring(file.indexOf('\n', start) + 1);
        for (String l : body.split("\n")) {
          if (l.startsWith("@@") || l.startsWith("--- ")) {
            break;
          }
          if (l.startsWith("-")) {
            int at = line;
            boolean near =
                findingLines.stream().anyMatch(f -> at >= f - 1 && at <= f + 4)
                    || l.matches("-\\s*(private|static|final|volatile|@).*Map<.*");
            assertTrue(near, name + ":" + at + " changed without a finding: " + l);
          }
          if (!l.startsWith("+") && !l.startsWith("\\")) {
            line++;
          }
        }
      }
    }
  }
}
