package dev.clearguard.checker.errorprone;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.CompilationTestHelper;
import dev.clearguard.testing.TestCompiler;
import org.junit.jupiter.api.Test;

final class UnsafeMapReassignmentTest {
  private final CompilationTestHelper compilation =
      CompilationTestHelper.newInstance(UnsafeMapReassignment.class, getClass());
  private final BugCheckerRefactoringTestHelper refactoring =
      BugCheckerRefactoringTestHelper.newInstance(UnsafeMapReassignment.class, getClass());

  @Test
  void negativeVolatileFieldAndConstructorAssignment() {
    compilation
        .addSourceLines(
            "Routes.java",
            """
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            class Routes {
              private volatile boolean open; // its instances are shared
              private volatile Map<String, String> routes = new ConcurrentHashMap<>();
              private Map<String, String> other;
              Routes() {
                other = new ConcurrentHashMap<>();
              }
              void reload(Map<String, String> fresh) {
                routes = Map.copyOf(fresh);
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativeSuppressedByClearGuardOnTheClass() {
    compilation
        .addSourceLines(
            "Routes.java",
            """
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            @SuppressWarnings("ClearGuard")
            class Routes {
              private volatile boolean open; // its instances are shared
              private Map<String, String> routes = new ConcurrentHashMap<>();
              void reload(Map<String, String> fresh) {
                routes = new ConcurrentHashMap<>(fresh);
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveReassignedConcurrentMapField() {
    compilation
        .addSourceLines(
            "Routes.java",
            """
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            class Routes {
              private volatile boolean open; // its instances are shared
              private Map<String, String> routes = new ConcurrentHashMap<>();
              String get(String k) {
                return routes.get(k);
              }
              void reload(Map<String, String> fresh) {
                // BUG: Diagnostic contains: `routes` is reassigned without a happens-before edge
                routes = new ConcurrentHashMap<>(fresh);
              }
            }
            """)
        .doTest();
  }

  @Test
  void fixVolatilePublishOnceForTwoReassignments() {
    refactoring
        .addInputLines(
            "Routes.java",
            """
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            class Routes {
              private volatile boolean open; // its instances are shared
              private Map<String, String> routes = new ConcurrentHashMap<>();
              String get(String k) {
                return routes.get(k);
              }
              void reload(Map<String, String> fresh) {
                routes = new ConcurrentHashMap<>(fresh);
              }
              void reset() {
                routes = new ConcurrentHashMap<>();
              }
            }
            """)
        .addOutputLines(
            "Routes.java",
            """
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            class Routes {
              private volatile boolean open; // its instances are shared
              private volatile Map<String, String> routes = new ConcurrentHashMap<>();
              String get(String k) {
                return routes.get(k);
              }
              void reload(Map<String, String> fresh) {
                routes = new ConcurrentHashMap<>(fresh);
              }
              void reset() {
                routes = new ConcurrentHashMap<>();
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void fixSnapshotMapRewritesEveryAssignment() {
    refactoring
        .setArgs("-classpath", TestCompiler.classPathWithSnapshotMap())
        .addInputLines(
            "Routes.java",
            """
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            class Routes {
              private volatile boolean open; // its instances are shared
              private Map<String, String> routes = new ConcurrentHashMap<>();
              String get(String k) {
                return routes.get(k);
              }
              void reload(Map<String, String> fresh) {
                routes = new ConcurrentHashMap<>(fresh);
              }
              void reset() {
                routes = new ConcurrentHashMap<>();
              }
            }
            """)
        .addOutputLines(
            "Routes.java",
            """
            import dev.clearguard.runtime.SnapshotMap;
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            class Routes {
              private volatile boolean open; // its instances are shared
              private final SnapshotMap<String, String> routes = new SnapshotMap<>();
              String get(String k) {
                return routes.get(k);
              }
              void reload(Map<String, String> fresh) {
                routes.swap(fresh);
              }
              void reset() {
                routes.clear();
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }
}
