package dev.clearguard.checker.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FixResult#edits()}: the fixer's rewrite split by finding, as the Error Prone adapters turn
 * it into one suggested fix per finding. (Every fix test also checks, through {@link FixTester},
 * that the edits make the fixed text and that each finding's edits alone compile.)
 */
final class FixEditsTest {
  @TempDir Path dir;

  @Test
  void negativeEditsMayNotOverlap() {
    List<FixResult.Edit> edits =
        List.of(
            new FixResult.Edit(0, 3, "x", List.of(0)), new FixResult.Edit(2, 4, "y", List.of(1)));
    assertThrows(IllegalArgumentException.class, () -> FixResult.Edit.apply("abcdef", edits));
    assertThrows(IllegalArgumentException.class, () -> new FixResult.Edit(3, 2, "", List.of()));
  }

  @Test
  void fixEditApplyPutsAnInsertionBeforeTheReplacementStartingThere() {
    List<FixResult.Edit> edits =
        List.of(
            new FixResult.Edit(2, 4, "XY", List.of(0)),
            new FixResult.Edit(2, 2, "+", List.of(1)),
            new FixResult.Edit(4, 4, "-", List.of(1)));
    assertEquals("ab+XY-ef", FixResult.Edit.apply("abcdef", edits));
  }

  @Test
  void fixFindingsOnOneFieldShareTheMigrationAndTheImportInsertion() {
    FixResult result =
        FixTester.fix(
            dir,
            true,
            """
            package app;

            import java.util.Map;
            import java.util.Properties;
            import java.util.concurrent.ConcurrentHashMap;

            class Settings {
              private final Map<String, String> settings = new ConcurrentHashMap<>();

              void reset() {
                for (String k : settings.keySet()) {
                  settings.remove(k);
                }
              }

              void reloadFrom(Properties props) {
                settings.clear();
                for (String name : props.stringPropertyNames()) {
                  settings.put(name, props.getProperty(name));
                }
              }
            }
            """);
    assertEquals(2, result.applied().size(), result.outcomes()::toString);
    int clear = rule(result, "IterateRemoveClear");
    int refill = rule(result, "ClearThenRefill");
    List<FixResult.Edit> clearEdits = result.editsFor(clear);
    List<FixResult.Edit> refillEdits = result.editsFor(refill);

    List<FixResult.Edit> shared = new ArrayList<>(clearEdits);
    shared.retainAll(refillEdits);
    assertTrue(
        shared.stream().anyMatch(e -> e.replacement().equals("SnapshotMap")),
        "the field's type is in both fixes: " + shared);
    // SnapshotMap's import (both) and HashMap's (the refill's) go in at one offset: one edit, in
    // both fixes, so that a patcher taking the fixes one by one can tell it is the same.
    FixResult.Edit imports =
        shared.stream()
            .filter(e -> e.replacement().startsWith("import "))
            .findFirst()
            .orElseThrow();
    assertEquals(
        "import dev.clearguard.runtime.SnapshotMap;\nimport java.util.HashMap;\n",
        imports.replacement());
    assertEquals(List.of(Math.min(clear, refill), Math.max(clear, refill)), imports.findings());
    assertEquals(
        1, result.edits().stream().filter(e -> e.replacement().startsWith("import ")).count());

    String clearAlone = FixResult.Edit.apply(result.original(), clearEdits);
    assertTrue(clearAlone.contains("    settings.clear();\n  }"), clearAlone);
    assertFalse(clearAlone.contains("freshSettings"), clearAlone);
    assertTrue(clearAlone.contains("private final SnapshotMap<String, String> settings"));
  }

  @Test
  void negativeFileWithoutFixesHasNoEdits() {
    FixResult result = Fixer.fix("A.java", "class A {}", List.of());
    assertEquals(List.of(), result.edits());
  }

  private static int rule(FixResult result, String rule) {
    for (int i = 0; i < result.outcomes().size(); i++) {
      if (result.outcomes().get(i).finding().rule().equals(rule)) {
        return i;
      }
    }
    throw new AssertionError("no " + rule + " finding in " + result.outcomes());
  }
}
