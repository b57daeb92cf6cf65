package dev.clearguard.checker.errorprone;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.CompilationTestHelper;
import dev.clearguard.testing.TestCompiler;
import org.junit.jupiter.api.Test;

final class SyncOnReassignedMapTest {
  private final CompilationTestHelper compilation =
      CompilationTestHelper.newInstance(SyncOnReassignedMap.class, getClass());
  private final BugCheckerRefactoringTestHelper refactoring =
      BugCheckerRefactoringTestHelper.newInstance(SyncOnReassignedMap.class, getClass());

  private static final String TABLE =
      """
      import java.util.HashMap;
      import java.util.Map;
      class Table {
        private Map<String, String> routes = new HashMap<>();
        void put(String k, String v) {
          synchronized (routes) {
            routes.put(k, v);
          }
        }
        void reset() {
          routes = new HashMap<>();
        }
      }
      """;

  @Test
  void negativeFinalMapIsAFineLock() {
    compilation
        .addSourceLines(
            "Table.java",
            """
            import java.util.HashMap;
            import java.util.Map;
            class Table {
              private final Map<String, String> routes = new HashMap<>();
              void put(String k, String v) {
                synchronized (routes) {
                  routes.put(k, v);
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativeSuppressedOnTheMethod() {
    compilation
        .addSourceLines(
            "Table.java",
            TABLE.replace("void put(", "@SuppressWarnings(\"SyncOnReassignedMap\") void put("))
        .doTest();
  }

  @Test
  void positiveSynchronizedOnAReassignedField() {
    compilation
        .addSourceLines(
            "Table.java",
            TABLE.replace(
                "    synchronized (routes)",
                "    // BUG: Diagnostic contains: `routes` is reassigned, so two threads can each"
                    + " hold \"the\" lock\n    synchronized (routes)"))
        .doTest();
  }

  @Test
  void fixNoneWithoutTheRuntime() {
    // Only a final SnapshotMap keeps the lock object fixed while the contents change; without it
    // the finding stays manual (its message says what to do).
    refactoring.addInputLines("Table.java", TABLE).expectUnchanged().doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void fixSnapshotMapMakesTheLockedFieldFinal() {
    refactoring
        .setArgs("-classpath", TestCompiler.classPathWithSnapshotMap())
        .addInputLines("Table.java", TABLE)
        .addOutputLines(
            "Table.java",
            """
            import dev.clearguard.runtime.SnapshotMap;
            import java.util.HashMap;
            import java.util.Map;
            class Table {
              private final SnapshotMap<String, String> routes = new SnapshotMap<>();
              void put(String k, String v) {
                synchronized (routes) {
                  routes.put(k, v);
                }
              }
              void reset() {
                routes.clear();
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }
}
