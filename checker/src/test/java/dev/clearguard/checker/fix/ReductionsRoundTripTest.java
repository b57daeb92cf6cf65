package dev.clearguard.checker.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clearguard.testing.TestCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules module's reductions (small classes reduced from open-source code, with their annotation
 * stubs), all compiled together and fixed through {@code -Xplugin:"ClearGuard patch=..."}: the
 * patch applies with {@code git apply}, the patched code compiles, ClearGuard then finds nothing
 * the fixer could fix, and files without findings are left byte-identical.
 */
final class ReductionsRoundTripTest {
  private static final Path REDUCTIONS = Path.of("../rules/src/test/resources/reductions");
  private static final String IN_REPO = "rules/src/test/resources/reductions";

  @TempDir Path dir;

  @Test
  void fixReductionsWithSnapshotMapRoundTrip() throws Exception {
    roundTrip(true);
  }

  @Test
  void fixReductionsWithoutSnapshotMapRoundTrip() throws Exception {
    roundTrip(false);
  }

  private void roundTrip(boolean snapshotMap) throws Exception {
    assertTrue(
        Files.isDirectory(REDUCTIONS),
        "reductions not found at "
            + REDUCTIONS.toAbsolutePath().normalize()
            + ": run from the checker module with the rules module beside it");
    Path repo = dir.resolve("repo");
    Path sources = repo.resolve(IN_REPO);
    SourceTrees.copy(REDUCTIONS, sources);
    Map<Path, String> original = SourceTrees.read(sources);
    assertFalse(original.isEmpty(), "no reductions under " + REDUCTIONS.toAbsolutePath());
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
    assertFalse(SourceTrees.findings(first).isEmpty(), "the reductions have findings");
    assertEquals(original, SourceTrees.read(sources), "the plugin must not touch sources");
    String diff = Files.readString(patch);
    assertFalse(diff.isEmpty(), "nothing fixed in the reductions");
    assertTrue(diff.startsWith("--- a/" + IN_REPO + "/"), diff);
    assertEquals(0, UnifiedDiffTest.git(repo, "apply", "--check", patch.toString()), diff);
    assertEquals(0, UnifiedDiffTest.git(repo, "apply", patch.toString()), diff);

    int changed = 0;
    for (Map.Entry<Path, String> file : original.entrySet()) {
      boolean hasFinding =
          SourceTrees.findings(first).stream().anyMatch(w -> w.startsWith(file.getKey() + ":"));
      String now = Files.readString(file.getKey());
      if (!hasFinding) {
        assertEquals(file.getValue(), now, "changed without a finding: " + file.getKey());
      } else if (!now.equals(file.getValue())) {
        changed++;
      }
    }
    assertTrue(changed > 0, "the patch changed no file");

    Path second = dir.resolve("out/second.patch");
    TestCompiler.Compilation again =
        SourceTrees.compileWithPlugin(
            "patch=" + second,
            SourceTrees.files(sources, List.of()),
            snapshotMap,
            dir.resolve("c2"));
    assertTrue(again.success(), "the patched reductions do not compile: " + again.diagnostics());
    assertEquals("", Files.readString(second), "still fixable after the patch");
    assertTrue(
        SourceTrees.findings(again).size() < SourceTrees.findings(first).size(),
        () -> "nothing fixed: " + SourceTrees.findings(again));
    System.out.printf(
        "reductions round trip (SnapshotMap %s): %d files, %d findings, %d files patched,"
            + " %d findings left for manual fixing%n",
        snapshotMap ? "on the class path" : "absent",
        original.size(),
        SourceTrees.findings(first).size(),
        changed,
        SourceTrees.findings(again).size());
  }
}
