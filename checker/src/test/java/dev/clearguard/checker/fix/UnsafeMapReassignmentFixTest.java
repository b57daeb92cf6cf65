package dev.clearguard.checker.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clearguard.rules.FixPlan.Strategy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class UnsafeMapReassignmentFixTest {
  @TempDir Path dir;

  @Test
  void negativeVolatileCannotFixAMapFilledAfterItIsAssigned() {
    String before =
        """
        package app;

        import java.util.HashMap;
        import java.util.Map;

        class Tags {
          private Map<String, String> tags = new HashMap<>();

          synchronized void touch() {}

          String get(String k) {
            return tags.get(k);
          }

          void reset(String host) {
            tags = new HashMap<>();
            tags.put("host", host);
          }
        }
        """;
    FixResult result = FixTester.fix(dir, false, before);
    assertEquals(before, result.fixed());
    assertEquals(1, result.manual().size());
  }

  @Test
  void fixSnapshotMapRewritesEveryAssignment() {
    FixResult result =
        FixTester.assertFix(
            dir,
            true,
            """
            package app;

            import java.util.HashMap;
            import java.util.Map;

            class Tags {
              private Map<String, String> tags;

              Tags(Map<String, String> initial) {
                this.tags = new HashMap<>(initial);
              }

              synchronized void touch() {}

              String get(String k) {
                return tags.get(k);
              }

              void replaceTags(Map<String, String> fresh) {
                tags = new HashMap<>(fresh);
              }

              void reset() {
                tags = new HashMap<>();
              }
            }
            """,
            """
            package app;

            import dev.clearguard.runtime.SnapshotMap;
            import java.util.HashMap;
            import java.util.Map;

            class Tags {
              private final SnapshotMap<String, String> tags = new SnapshotMap<>();

              Tags(Map<String, String> initial) {
                this.tags.swap(initial);
              }

              synchronized void touch() {}

              String get(String k) {
                return tags.get(k);
              }

              void replaceTags(Map<String, String> fresh) {
                tags.swap(fresh);
              }

              void reset() {
                tags.clear();
              }
            }
            """);
    assertEquals(2, result.applied().size());
  }

  @Test
  void fixFallsBackToVolatileWhenTheFieldIsSetToNull() {
    FixResult result =
        FixTester.assertFix(
            dir,
            true,
            """
            package app;

            import java.util.HashMap;
            import java.util.Map;

            class Tags {
              private static Map<String, String> tags = new HashMap<>();

              static synchronized void touch() {}

              static String get(String k) {
                return tags == null ? null : tags.get(k);
              }

              static void setTags(Map<String, String> fresh) {
                tags = Map.copyOf(fresh);
              }

              static void drop() {
                tags = null;
              }
            }
            """,
            """
            package app;

            import java.util.HashMap;
            import java.util.Map;

            class Tags {
              private static volatile Map<String, String> tags = new HashMap<>();

              static synchronized void touch() {}

              static String get(String k) {
                return tags == null ? null : tags.get(k);
              }

              static void setTags(Map<String, String> fresh) {
                tags = Map.copyOf(fresh);
              }

              static void drop() {
                tags = null;
              }
            }
            """);
    assertEquals(Strategy.VOLATILE_PUBLISH, result.outcomes().get(0).strategy());
  }

  @Test
  void fixKeepsAPackagePrivateFieldAssignableFromItsPackage() {
    // Another class of the package may write `tags`: making it a final SnapshotMap would break that
    // file, which the fixer does not see. Making it volatile breaks nothing.
    FixResult result =
        FixTester.assertFix(
            dir,
            true,
            """
            package app;

            import java.util.Map;

            class Tags {
              static Map<String, String> tags = Map.of();

              static synchronized void touch() {}

              static String get(String k) {
                return tags.get(k);
              }

              static void setTags(Map<String, String> fresh) {
                tags = Map.copyOf(fresh);
              }
            }
            """,
            """
            package app;

            import java.util.Map;

            class Tags {
              static volatile Map<String, String> tags = Map.of();

              static synchronized void touch() {}

              static String get(String k) {
                return tags.get(k);
              }

              static void setTags(Map<String, String> fresh) {
                tags = Map.copyOf(fresh);
              }
            }
            """);
    assertEquals(Strategy.VOLATILE_PUBLISH, result.outcomes().get(0).strategy());
  }
}
