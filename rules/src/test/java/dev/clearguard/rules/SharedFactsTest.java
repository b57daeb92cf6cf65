package dev.clearguard.rules;

import org.junit.jupiter.api.Test;

/** The per-class facts every rule relies on: locks, publication, sharing signals. */
final class SharedFactsTest {

  @Test
  void negativePrivateHelperCalledOnlyUnderTheLockHoldsIt() {
    RuleTester.create()
        .addSource(
            "t/Directory.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.ConcurrentHashMap;
            class Directory {
              private final Map<String, String> entries = new ConcurrentHashMap<>();
              synchronized void reload(Map<String, String> fresh) { replace(fresh); }
              synchronized void reset() { wipe(); }
              private void replace(Map<String, String> fresh) {
                entries.clear();
                entries.putAll(fresh);
              }
              private void wipe() { deeper(); }
              private void deeper() { entries.keySet().removeIf(k -> true); }
              synchronized String get(String k) { return entries.get(k); }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void positivePrivateHelperAlsoCalledWithoutTheLock() {
    RuleTester.create()
        .addSource(
            "t/Directory.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.ConcurrentHashMap;
            class Directory {
              private final Map<String, String> entries = new ConcurrentHashMap<>();
              synchronized void reload(Map<String, String> fresh) { replace(fresh); }
              void reloadFast(Map<String, String> fresh) { replace(fresh); }
              private void replace(Map<String, String> fresh) {
                // BUG: Diagnostic contains: ClearThenRefill
                entries.clear();
                entries.putAll(fresh);
              }
              synchronized String get(String k) { return entries.get(k); }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void negativePrivateHelperCalledOnlyFromTheConstructorRunsBeforePublication() {
    RuleTester.create()
        .addSource(
            "t/Routes.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.atomic.AtomicLong;
            class Routes {
              private final AtomicLong hits = new AtomicLong();
              private Map<String, String> table;
              Routes(Map<String, String> seed) { load(seed); }
              private void load(Map<String, String> seed) { table = new HashMap<>(seed); }
              String route(String path) { hits.incrementAndGet(); return table.get(path); }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void positiveMethodReferenceToTheHelperEscapes() {
    RuleTester.create()
        .addSource(
            "t/Routes.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            class Routes {
              private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
              private Map<String, String> table;
              Routes() {
                load();
                timer.scheduleAtFixedRate(this::load, 1, 1, TimeUnit.MINUTES);
              }
              private void load() {
                // BUG: Diagnostic contains: UnsafeMapReassignment
                table = new HashMap<>();
              }
              String route(String path) { return table.get(path); }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void negativeTimeUnitOrAnExceptionDoesNotMakeAClassShared() {
    RuleTester.create()
        .addSource(
            "t/Settings.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            class Settings {
              private Map<String, String> values = new HashMap<>();
              void reload(Map<String, String> fresh) {
                TimeUnit unit = TimeUnit.SECONDS;
                try {
                  values = new HashMap<>(fresh);
                } catch (RejectedExecutionException e) {
                  throw e;
                }
              }
              String get(String k) { return values.get(k); }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void negativeLockFieldInitialisedWithHalfOfAReadWriteLock() {
    RuleTester.create()
        .addSource(
            "t/Catalog.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.locks.*;
            class Catalog {
              private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
              private final Lock read = rw.readLock();
              private final Lock write = rw.writeLock();
              private Map<String, Integer> prices = new HashMap<>();
              Integer price(String item) {
                read.lock();
                try {
                  return prices.get(item);
                } finally {
                  read.unlock();
                }
              }
              void replace(Map<String, Integer> fresh) {
                write.lock();
                try {
                  prices = new HashMap<>(fresh);
                } finally {
                  write.unlock();
                }
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void positiveReadLockDoesNotOrderAWrite() {
    RuleTester.create()
        .addSource(
            "t/Catalog.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.locks.*;
            class Catalog {
              private final ReadWriteLock rw = new ReentrantReadWriteLock();
              private Map<String, Integer> prices = new HashMap<>();
              Integer price(String item) {
                rw.readLock().lock();
                try {
                  return prices.get(item);
                } finally {
                  rw.readLock().unlock();
                }
              }
              void replace(Map<String, Integer> fresh) {
                rw.readLock().lock();
                try {
                  // BUG: Diagnostic contains: UnsafeMapReassignment
                  prices = new HashMap<>(fresh);
                } finally {
                  rw.readLock().unlock();
                }
              }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void negativeTryLockHoldsInItsBranch() {
    RuleTester.create()
        .addSource(
            "t/Sweeper.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            import java.util.concurrent.locks.*;
            class Sweeper {
              private final Lock lock = new ReentrantLock();
              private final Map<String, Long> seen = new ConcurrentHashMap<>();
              void sweep() {
                if (lock.tryLock()) {
                  try {
                    seen.keySet().removeIf(k -> true);
                  } finally {
                    lock.unlock();
                  }
                }
              }
              void record(String k) {
                lock.lock();
                try {
                  seen.put(k, 1L);
                } finally {
                  lock.unlock();
                }
              }
              Long last(String k) {
                lock.lock();
                try {
                  return seen.get(k);
                } finally {
                  lock.unlock();
                }
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void positiveAConstructorWritingAStaticFieldPublishesToEveryInstance() {
    RuleTester.create()
        .addSource(
            "t/Registry.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.ConcurrentHashMap;
            class Registry {
              private volatile boolean open; // shows its instances are shared
              private static Map<String, String> shared = new ConcurrentHashMap<>();
              static { shared = new ConcurrentHashMap<>(); }
              Registry() {
                // BUG: Diagnostic contains: UnsafeMapReassignment
                shared = new ConcurrentHashMap<>();
              }
              String get(String k) { return shared.get(k); }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void positiveAnInnerConstructorWritingTheOuterField() {
    RuleTester.create()
        .addSource(
            "t/Outer.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.ConcurrentHashMap;
            class Outer {
              private volatile boolean open; // shows its instances are shared
              private Map<String, String> m = new ConcurrentHashMap<>();
              class Resetter {
                Resetter() {
                  // BUG: Diagnostic contains: UnsafeMapReassignment
                  m = new ConcurrentHashMap<>();
                }
              }
              String get(String k) { return m.get(k); }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void negativeRemovingFromTheSameFieldOfAnotherObject() {
    RuleTester.create()
        .addSource(
            "t/Node.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.ConcurrentHashMap;
            class Node {
              final Map<String, Node> children = new ConcurrentHashMap<>();
              void detachFrom(Node other) {
                for (String k : children.keySet()) {
                  other.children.remove(k);
                }
                other.children.forEach((k, v) -> children.remove(k));
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void negativeALocalAliasReassignedBeforeUse() {
    RuleTester.create()
        .addSource(
            "t/Alias.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.ConcurrentHashMap;
            class Alias {
              private final Map<String, String> m = new ConcurrentHashMap<>();
              void run(Map<String, String> other) {
                Map<String, String> t = m;
                t = other;
                t.keySet().removeIf(k -> true);
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void negativeSuppressionOnTheFieldCoversFindingsAboutIt() {
    RuleTester.create()
        .addSource(
            "t/Legacy.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.ConcurrentHashMap;
            class Legacy {
              private volatile boolean open; // shows its instances are shared
              @SuppressWarnings("UnsafeMapReassignment") // written once at start-up by the launcher
              private Map<String, String> config = new ConcurrentHashMap<>();
              @SuppressWarnings("ClearGuard")
              private final Map<String, String> scratch = new ConcurrentHashMap<>();
              private Map<String, String> other = new ConcurrentHashMap<>();
              void load(Map<String, String> fresh) {
                config = fresh;
                scratch.keySet().removeIf(k -> true);
                // BUG: Diagnostic contains: UnsafeMapReassignment
                other = fresh;
              }
              String get(String k) { return config.get(k) + other.get(k); }
            }
            """)
        .expectMarkedFindings();
  }
}
