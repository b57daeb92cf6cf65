package dev.clearguard.checker.errorprone;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class ClearThenRefillTest {
  private final CompilationTestHelper compilation =
      CompilationTestHelper.newInstance(ClearThenRefill.class, getClass());
  private final BugCheckerRefactoringTestHelper refactoring =
      BugCheckerRefactoringTestHelper.newInstance(ClearThenRefill.class, getClass());

  @Test
  void negativeSuppressedOnTheMethod() {
    compilation
        .addSourceLines(
            "Config.java",
            """
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            class Config {
              private final Map<String, String> values = new ConcurrentHashMap<>();
              @SuppressWarnings("ClearThenRefill")
              void reload(Map<String, String> fresh) {
                values.clear();
                values.putAll(fresh);
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativeClearThenOnePutIsAMemoCache() {
    compilation
        .addSourceLines(
            "Memo.java",
            """
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            class Memo {
              private final Map<String, String> values = new ConcurrentHashMap<>();
              void remember(String k, String v) {
                if (values.size() > 100) {
                  values.clear();
                }
                values.put(k, v);
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveClearThenPutAll() {
    compilation
        .addSourceLines(
            "Config.java",
            """
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            class Config {
              private final Map<String, String> values = new ConcurrentHashMap<>();
              void reload(Map<String, String> fresh) {
                // BUG: Diagnostic contains: [ClearThenRefill] Between `values.clear()` and the refill
                values.clear();
                values.putAll(fresh);
              }
            }
            """)
        .doTest();
  }

  @Test
  void fixSnapshotMapSwapsInTheNewContents() {
    refactoring
        .addInputLines("SnapshotMap.java", Stubs.SNAPSHOT_MAP)
        .expectUnchanged()
        .addInputLines(
            "Config.java",
            """
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            class Config {
              private final Map<String, String> values = new ConcurrentHashMap<>(64);
              void reload(Map<String, String> fresh) {
                values.clear();
                values.putAll(fresh);
              }
            }
            """)
        .addOutputLines(
            "Config.java",
            """
            import dev.clearguard.runtime.SnapshotMap;
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            class Config {
              private final SnapshotMap<String, String> values = new SnapshotMap<>(64);
              void reload(Map<String, String> fresh) {
                values.swap(fresh);
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void fixNoneWithoutTheRuntime() {
    // Making the field volatile does not make clear-then-refill atomic: the finding has no fix.
    refactoring
        .addInputLines(
            "Config.java",
            """
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            class Config {
              private final Map<String, String> values = new ConcurrentHashMap<>();
              void reload(Map<String, String> fresh) {
                values.clear();
                values.putAll(fresh);
              }
            }
            """)
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }
}
