package dev.clearguard.checker.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SyncOnReassignedMapFixTest {
  private static final String ROUTES =
      """
      package app;

      import java.util.Map;
      import java.util.concurrent.ConcurrentHashMap;

      class Routes {
        private Map<String, String> routes = new ConcurrentHashMap<>();

        void register(String prefix, String backend) {
          synchronized (routes) {
            if (!routes.containsKey(prefix)) {
              routes.put(prefix, backend);
            }
          }
        }

        void rebuild(Map<String, String> discovered) {
          routes = new ConcurrentHashMap<>(discovered);
        }

        void clear() {
          this.routes = new ConcurrentHashMap<>();
        }
      }
      """;

  @TempDir Path dir;

  @Test
  void negativeWithoutSnapshotMapTheLockStaysManual() {
    FixResult result =
        FixTester.assertFix(
            dir, false, ROUTES, ROUTES.replace("private Map<", "private volatile Map<"));
    assertEquals(1, result.manual().size());
    assertEquals("SyncOnReassignedMap", result.manual().get(0).finding().rule());
  }

  @Test
  void fixSnapshotMapMakesTheLockedFieldFinal() {
    FixResult result =
        FixTester.assertFix(
            dir,
            true,
            ROUTES,
            """
            package app;

            import dev.clearguard.runtime.SnapshotMap;
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;

            class Routes {
              private final SnapshotMap<String, String> routes = new SnapshotMap<>();

              void register(String prefix, String backend) {
                synchronized (routes) {
                  if (!routes.containsKey(prefix)) {
                    routes.put(prefix, backend);
                  }
                }
              }

              void rebuild(Map<String, String> discovered) {
                routes.swap(discovered);
              }

              void clear() {
                this.routes.clear();
              }
            }
            """);
    assertEquals(3, result.applied().size());
  }
}
