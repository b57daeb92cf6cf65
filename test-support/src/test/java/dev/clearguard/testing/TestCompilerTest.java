package dev.clearguard.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TestCompilerTest {
  private static final String USES_SNAPSHOT_MAP =
      """
      package app;
      import dev.clearguard.runtime.SnapshotMap;
      final class Cache {
        private final SnapshotMap<String, Integer> m = new SnapshotMap<>();
        java.util.Map<String, Integer> reset() { return m.swap(java.util.Map.of("a", 1)); }
      }
      """;

  @TempDir Path dir;

  @Test
  void negativeSnapshotMapIsAbsentUnlessAskedFor() {
    TestCompiler.Compilation result =
        TestCompiler.create().source("app/Cache.java", USES_SNAPSHOT_MAP).analyze();
    assertFalse(result.success());
    assertTrue(
        result.errors().toString().contains("dev.clearguard.runtime"), result.errors().toString());
    assertFalse(
        TestCompiler.defaultClassPath().contains(TestCompiler.runtimeClasses()),
        "the default class path leaves the runtime out");
  }

  @Test
  void positiveWithSnapshotMapTheRealClassIsOnTheClassPath() {
    TestCompiler.Compilation result =
        TestCompiler.create()
            .withSnapshotMap()
            .writeFiles(dir.resolve("src"), "app/Cache.java", USES_SNAPSHOT_MAP)
            .compile(dir.resolve("classes"));
    assertEquals(List.of(), result.errors());
    assertTrue(result.success());
    assertTrue(dir.resolve("classes/app/Cache.class").toFile().isFile());
  }
}
