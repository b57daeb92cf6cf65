package dev.clearguard.checker.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clearguard.rules.FixPlan.Strategy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class IterateRemoveClearFixTest {
  @TempDir Path dir;

  @Test
  void negativeDrainLoopWithoutSnapshotMapStaysManual() {
    String before =
        """
        package app;

        import java.util.Map;
        import java.util.concurrent.ConcurrentHashMap;
        import java.util.function.Consumer;

        class Sessions {
          private final Map<String, String> sessions = new ConcurrentHashMap<>();

          void expireAll(Consumer<String> onExpired) {
            for (Map.Entry<String, String> entry : sessions.entrySet()) {
              onExpired.accept(entry.getValue());
              sessions.remove(entry.getKey());
            }
          }
        }
        """;
    FixResult result = FixTester.fix(dir, false, before);
    assertEquals(before, result.fixed());
    assertEquals(1, result.manual().size());
    assertTrue(result.manual().get(0).reason().contains("only for SnapshotMap"));
  }

  @Test
  void negativeDrainLoopThatReadsTheMapStaysManual() {
    String before =
        """
        package app;

        import java.util.Map;
        import java.util.concurrent.ConcurrentHashMap;
        import java.util.function.Consumer;

        class Sessions {
          private final Map<String, String> sessions = new ConcurrentHashMap<>();

          void expireAll(Consumer<String> onExpired) {
            for (String id : sessions.keySet()) {
              onExpired.accept(sessions.get(id));
              sessions.remove(id);
            }
          }
        }
        """;
    FixResult result = FixTester.fix(dir, true, before);
    assertEquals(before, result.fixed());
    assertTrue(result.manual().get(0).reason().contains("uses the map"));
  }

  @Test
  void fixMinimalClearReplacesTheLoop() {
    FixResult result =
        FixTester.assertFix(
            dir,
            false,
            """
            package app;

            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;

            class Sessions {
              private final Map<String, String> sessions = new ConcurrentHashMap<>();

              void invalidateAll() {
                // every login must end
                for (String id : sessions.keySet()) {
                  sessions.remove(id);
                }
              }
            }
            """,
            """
            package app;

            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;

            class Sessions {
              private final Map<String, String> sessions = new ConcurrentHashMap<>();

              void invalidateAll() {
                // every login must end
                sessions.clear();
              }
            }
            """);
    assertEquals(Strategy.MINIMAL_CLEAR, result.outcomes().get(0).strategy());
  }

  @Test
  void fixMinimalClearReplacesABulkCall() {
    FixTester.assertFix(
        dir,
        false,
        """
        package app;

        import java.util.concurrent.ConcurrentHashMap;

        class Penalties {
          private final ConcurrentHashMap<String, Long> penalties = new ConcurrentHashMap<>();

          void forgiveAll() {
            penalties.entrySet().removeIf(entry -> true);
          }
        }
        """,
        """
        package app;

        import java.util.concurrent.ConcurrentHashMap;

        class Penalties {
          private final ConcurrentHashMap<String, Long> penalties = new ConcurrentHashMap<>();

          void forgiveAll() {
            penalties.clear();
          }
        }
        """);
  }

  @Test
  void fixSynchronizedMapLockedElsewhereKeepsItsMonitor() {
    // Migrating to SnapshotMap would leave the locked loop excluding no one (and fixable again).
    FixResult result =
        FixTester.assertFix(
            dir,
            true,
            """
            package app;

            import java.util.Collections;
            import java.util.HashMap;
            import java.util.Map;

            class Workers {
              private final Map<Integer, Object> workers = Collections.synchronizedMap(new HashMap<>());

              void stopAllLocked() {
                synchronized (workers) {
                  for (Integer id : new java.util.ArrayList<>(workers.keySet())) {
                    workers.remove(id);
                  }
                }
              }

              void stopAllUnlocked() {
                workers.keySet().removeIf(id -> true);
              }
            }
            """,
            """
            package app;

            import java.util.Collections;
            import java.util.HashMap;
            import java.util.Map;

            class Workers {
              private final Map<Integer, Object> workers = Collections.synchronizedMap(new HashMap<>());

              void stopAllLocked() {
                synchronized (workers) {
                  for (Integer id : new java.util.ArrayList<>(workers.keySet())) {
                    workers.remove(id);
                  }
                }
              }

              void stopAllUnlocked() {
                workers.clear();
              }
            }
            """);
    assertEquals(Strategy.MINIMAL_CLEAR, result.outcomes().get(0).strategy());
  }

  @Test
  void fixSnapshotMapClearRemovesTheIteratorDeclaration() {
    FixResult result =
        FixTester.assertFix(
            dir,
            true,
            """
            package app;

            import java.util.Iterator;
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;

            class Ledger {
              private final Map<String, Long> usage = new ConcurrentHashMap<>();

              void resetUsage() {
                // a new billing period
                Iterator<String> it = usage.keySet().iterator();
                while (it.hasNext()) {
                  usage.remove(it.next());
                }
              }
            }
            """,
            """
            package app;

            import dev.clearguard.runtime.SnapshotMap;
            import java.util.Iterator;
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;

            class Ledger {
              private final SnapshotMap<String, Long> usage = new SnapshotMap<>();

              void resetUsage() {
                // a new billing period
                usage.clear();
              }
            }
            """);
    assertEquals(Strategy.SNAPSHOT_MAP, result.outcomes().get(0).strategy());
  }

  @Test
  void fixSnapshotMapDrainLoop() {
    FixTester.assertFix(
        dir,
        true,
        """
        package app;

        import java.util.Map;
        import java.util.concurrent.ConcurrentHashMap;
        import java.util.function.Consumer;

        class Sessions {
          private final Map<String, String> sessions = new ConcurrentHashMap<>();

          void expireAll(Consumer<String> onExpired) {
            for (Map.Entry<String, String> entry : sessions.entrySet()) {
              onExpired.accept(entry.getValue());
              sessions.remove(entry.getKey());
            }
          }

          void logoutAll(Consumer<String> onLogout) {
            for (String id : sessions.keySet()) {
              sessions.remove(id);
              onLogout.accept(id);
            }
          }
        }
        """,
        """
        package app;

        import dev.clearguard.runtime.SnapshotMap;
        import java.util.Map;
        import java.util.concurrent.ConcurrentHashMap;
        import java.util.function.Consumer;

        class Sessions {
          private final SnapshotMap<String, String> sessions = new SnapshotMap<>();

          void expireAll(Consumer<String> onExpired) {
            for (Map.Entry<String, String> entry : sessions.drain().entrySet()) {
              onExpired.accept(entry.getValue());
            }
          }

          void logoutAll(Consumer<String> onLogout) {
            for (String id : sessions.drain().keySet()) {
              onLogout.accept(id);
            }
          }
        }
        """);
  }
}
