package dev.clearguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

final class UnsafeMapReassignmentTest {

  // ---- negatives, in the order of the rule's guard clauses ----

  @Test
  void negativeNotAMapField() {
    RuleTester.create()
        .addSource(
            "t/Counter.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.atomic.AtomicLong;
            class Counter {
              private final AtomicLong hits = new AtomicLong();
              private List<String> names = new ArrayList<>();
              private String label = "";
              void reset() {
                names = new ArrayList<>();
                label = "x";
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void negativeFinalVolatileOrAtomicReference() {
    RuleTester.create()
        .addSource(
            "t/Published.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            import java.util.concurrent.atomic.AtomicReference;
            class Published {
              private final Map<String, String> fixed = new ConcurrentHashMap<>();
              private volatile Map<String, String> current = Map.of();
              private final AtomicReference<Map<String, String>> ref = new AtomicReference<>(Map.of());
              void reload(Map<String, String> src) {
                fixed.clear();
                current = Map.copyOf(src);
                ref.set(Map.copyOf(src));
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void negativeGuardedByOfAnyPackage() {
    RuleTester.create()
        .addSource(
            "javax/annotation/concurrent/GuardedBy.java",
            """
            package javax.annotation.concurrent;
            public @interface GuardedBy { String value(); }
            """)
        .addSource(
            "org/checkerframework/checker/lock/qual/GuardedBy.java",
            """
            package org.checkerframework.checker.lock.qual;
            public @interface GuardedBy { String[] value() default {}; }
            """)
        .addSource(
            "t/Ledger.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.ConcurrentHashMap;
            import javax.annotation.concurrent.GuardedBy;
            class Ledger {
              private final Object lock = new Object();
              @GuardedBy("lock")
              private Map<String, Long> usage = new ConcurrentHashMap<>();
              @org.checkerframework.checker.lock.qual.GuardedBy("lock")
              private Map<String, Long> limits = new HashMap<>();
              long remainingLocked(String k) {
                return limits.get(k) - usage.get(k);
              }
              void roll() {
                synchronized (lock) {
                  usage = new ConcurrentHashMap<>();
                  limits = new HashMap<>();
                }
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void negativeUnsharedClass() {
    RuleTester.create()
        .addSource(
            "t/RequestBuilder.java",
            """
            package t;
            import java.util.*;
            class RequestBuilder {
              private Map<String, String> headers = new HashMap<>();
              private Map<String, String> query;
              RequestBuilder headers(Map<String, String> all) {
                headers = new HashMap<>(all);
                return this;
              }
              RequestBuilder reset() {
                headers = new HashMap<>();
                query = null;
                return this;
              }
              String build() {
                return headers + "?" + query;
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void negativeTimeUnitOrAScratchConcurrentMapDoesNotShowSharing() {
    // Only atomics, locks and executors say the class is shared; a concurrent map vouches only for
    // its own field.
    RuleTester.create()
        .addSource(
            "t/Client.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            class Client {
              private Map<String, String> headers = new HashMap<>();
              private long timeoutMillis;
              Client timeout(long n, TimeUnit unit) {
                timeoutMillis = unit.toMillis(n);
                return this;
              }
              Client headers(Map<String, String> all) {
                Map<String, String> scratch = new ConcurrentHashMap<>(all);
                headers = new HashMap<>(scratch);
                return this;
              }
              String get(Future<String> f) throws InterruptedException, ExecutionException {
                return f.get() + headers;
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void negativeEveryUseUnderOneMonitor() {
    RuleTester.create()
        .addSource(
            "t/Domains.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.ConcurrentHashMap;
            class Domains {
              private Map<String, String> domains = new ConcurrentHashMap<>();
              synchronized String lookup(String d) {
                return domains.get(d);
              }
              synchronized void add(String d, String t) {
                domains.put(d, t);
              }
              synchronized void reload(Map<String, String> src) {
                domains = new ConcurrentHashMap<>(src);
              }
            }
            """)
        .addSource(
            "t/Statics.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.ConcurrentHashMap;
            class Statics {
              private static Map<String, String> table = new ConcurrentHashMap<>();
              static synchronized String lookup(String d) {
                return table.get(d);
              }
              static void reload(Map<String, String> src) {
                synchronized (Statics.class) {
                  table = new ConcurrentHashMap<>(src);
                }
              }
            }
            """)
        .addSource(
            "t/Monitor.java",
            """
            package t;
            import java.util.*;
            class Monitor {
              private final Object lock = new Object();
              private Map<String, String> m = new HashMap<>();
              String lookup(String k) {
                synchronized (lock) {
                  return m.get(k);
                }
              }
              void reload(Map<String, String> src) {
                Map<String, String> fresh = new HashMap<>(src);
                synchronized (lock) {
                  m = fresh;
                }
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void negativeLockAndUnlockInTryFinallyIsOneLock() {
    RuleTester.create()
        .addSource(
            "t/Plain.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.locks.*;
            class Plain {
              private final Lock lock = new ReentrantLock();
              private Map<String, String> m = new HashMap<>();
              String get(String k) {
                lock.lock();
                try {
                  return m.get(k);
                } finally {
                  lock.unlock();
                }
              }
              void reload(Map<String, String> src) {
                lock.lock();
                try {
                  m = new HashMap<>(src);
                } finally {
                  lock.unlock();
                }
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void negativeReadLockForReadsWriteLockForWrites() {
    RuleTester.create()
        .addSource(
            "t/Templates.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.locks.*;
            class Templates {
              private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
              private final Lock read = rw.readLock();
              private Map<String, String> m = new HashMap<>();
              String get(String k) {
                rw.readLock().lock();
                try {
                  return m.get(k);
                } finally {
                  rw.readLock().unlock();
                }
              }
              boolean has(String k) {
                read.lock();
                try {
                  return m.containsKey(k);
                } finally {
                  read.unlock();
                }
              }
              void reload(Map<String, String> src) {
                rw.writeLock().lock();
                try {
                  m = new HashMap<>(src);
                } finally {
                  rw.writeLock().unlock();
                }
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void negativeBeforePublication() {
    RuleTester.create()
        .addSource(
            "t/jakarta/PostConstruct.java",
            """
            package t.jakarta;
            public @interface PostConstruct {}
            """)
        .addSource(
            "org/junit/jupiter/api/BeforeEach.java",
            """
            package org.junit.jupiter.api;
            public @interface BeforeEach {}
            """)
        .addSource(
            "t/Early.java",
            """
            package t;
            import java.io.*;
            import java.util.*;
            import java.util.concurrent.ConcurrentHashMap;
            import t.jakarta.PostConstruct;
            class Early implements Serializable {
              private static Map<String, String> defaults;
              private transient Map<String, String> m;
              private Map<String, String> n;
              private Map<String, String> o;
              static {
                defaults = new ConcurrentHashMap<>();
              }
              {
                n = new ConcurrentHashMap<>();
              }
              Early() {
                m = new ConcurrentHashMap<>();
                o = new ConcurrentHashMap<>();
              }
              @PostConstruct
              void init() {
                m = new ConcurrentHashMap<>(defaults);
              }
              private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
                in.defaultReadObject();
                m = new ConcurrentHashMap<>();
              }
              private Object readResolve() {
                n = new ConcurrentHashMap<>();
                return this;
              }
              String get(String k) {
                return m.get(k) + n.get(k) + o.get(k);
              }
            }
            """)
        .addSource(
            "t/EarlyTest.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.ConcurrentHashMap;
            import org.junit.jupiter.api.BeforeEach;
            class EarlyTest {
              private Map<String, String> fixture;
              private Map<String, String> legacy;
              @BeforeEach
              void prepare() {
                fixture = new ConcurrentHashMap<>();
              }
              protected void setUp() {
                legacy = new ConcurrentHashMap<>();
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void negativeAnotherObjectsField() {
    RuleTester.create()
        .addSource(
            "t/Snapshot.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.ConcurrentHashMap;
            class Snapshot {
              private Map<String, String> m = new ConcurrentHashMap<>();
              Snapshot copy() {
                Snapshot other = new Snapshot();
                other.m = new ConcurrentHashMap<>(m);
                return other;
              }
              static Snapshot of(Map<String, String> src) {
                Snapshot s = new Snapshot();
                s.m = new ConcurrentHashMap<>(src);
                return s;
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void negativeSuppressed() {
    RuleTester.create()
        .addSource(
            "t/Quiet.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.ConcurrentHashMap;
            class Quiet {
              private Map<String, String> a = new ConcurrentHashMap<>();
              @SuppressWarnings("UnsafeMapReassignment") // tolerated: called from one thread
              void resetA() {
                a = new ConcurrentHashMap<>();
              }
              @SuppressWarnings({"unchecked", "ClearGuard"}) // tolerated: called from one thread
              void resetAAgain() {
                a = new ConcurrentHashMap<>();
              }
            }
            """)
        .addSource(
            "t/QuietClass.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.ConcurrentHashMap;
            @SuppressWarnings("UnsafeMapReassignment") // tolerated: a test double
            class QuietClass {
              private Map<String, String> a = new ConcurrentHashMap<>();
              void resetA() {
                a = new ConcurrentHashMap<>();
              }
            }
            """)
        .expectNoFindings();
  }

  // ---- positives: every variant ----

  @Test
  void negativeAConcurrentMapTypeIsNoEvidenceThatTheHolderIsShared() {
    // A DTO or builder declares ConcurrentMap fields too; the type says nothing about the holder.
    RuleTester.create()
        .addSource(
            "t/Routes.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            class Routes {
              private ConcurrentMap<String, String> routes = new ConcurrentHashMap<>();
              private Map<String, String> declaredMap = new ConcurrentHashMap<>();
              String lookup(String p) {
                return routes.get(p) + declaredMap.get(p);
              }
              void rebuild(Map<String, String> src) {
                routes = new ConcurrentHashMap<>(src);
                this.declaredMap = new ConcurrentHashMap<>(src);
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void positiveConcurrentMapFieldOfAClassThatShowsItIsShared() {
    RuleTester.create()
        .addSource(
            "t/Routes.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            class Routes {
              private volatile boolean open;
              private ConcurrentMap<String, String> routes = new ConcurrentHashMap<>();
              private Map<String, String> declaredMap = new ConcurrentHashMap<>();
              private Map<String, String> assignedLater;
              String lookup(String p) {
                return routes.get(p) + declaredMap.get(p) + assignedLater.get(p);
              }
              void rebuild(Map<String, String> src) {
                // BUG: Diagnostic contains: `routes` is reassigned without a happens-before edge
                routes = new ConcurrentHashMap<>(src);
                // BUG: Diagnostic contains: UnsafeMapReassignment
                this.declaredMap = new ConcurrentHashMap<>(src);
                // BUG: Diagnostic contains: UnsafeMapReassignment
                assignedLater = new ConcurrentHashMap<>(src);
              }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void positiveEachReassignmentReportedSeparately() {
    RuleTester.create()
        .addSource(
            "t/Table.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            class Table {
              private volatile boolean open; // shows its instances are shared
              private Map<String, String> m = new ConcurrentHashMap<>();
              void clear() {
                // BUG: Diagnostic contains: UnsafeMapReassignment
                m = new ConcurrentHashMap<>();
              }
              void load(Map<String, String> src) {
                // BUG: Diagnostic contains: UnsafeMapReassignment
                this.m = new ConcurrentHashMap<>(src);
              }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void positivePlainMapInAClassThatShowsItIsShared() {
    RuleTester.create()
        .addSource(
            "t/ThreadSafe.java",
            """
            package t;
            public @interface ThreadSafe {}
            """)
        .addSource(
            "t/ViaVolatile.java",
            """
            package t;
            import java.util.*;
            class ViaVolatile {
              private volatile boolean running;
              private Map<String, Long> m = new HashMap<>();
              void reset() {
                // BUG: Diagnostic contains: UnsafeMapReassignment
                m = new HashMap<>();
              }
            }
            """)
        .addSource(
            "t/ViaAtomic.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.atomic.AtomicLong;
            class ViaAtomic {
              private final AtomicLong flushes = new AtomicLong();
              private Map<String, Long> m = new HashMap<>();
              void flush() {
                flushes.incrementAndGet();
                // BUG: Diagnostic contains: UnsafeMapReassignment
                m = new HashMap<>();
              }
            }
            """)
        .addSource(
            "t/ViaExecutor.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            class ViaExecutor {
              private final ExecutorService pool;
              private Map<String, Long> m = new HashMap<>();
              ViaExecutor(ExecutorService pool) {
                this.pool = pool;
              }
              void flush() {
                // BUG: Diagnostic contains: UnsafeMapReassignment
                m = new HashMap<>();
              }
            }
            """)
        .addSource(
            "t/ViaThread.java",
            """
            package t;
            import java.util.*;
            class ViaThread {
              private Map<String, Long> m = new HashMap<>();
              void start() {
                new Thread(() -> System.out.println(m)).start();
              }
              void flush() {
                // BUG: Diagnostic contains: UnsafeMapReassignment
                m = new HashMap<>();
              }
            }
            """)
        .addSource(
            "t/ViaAnnotation.java",
            """
            package t;
            import java.util.*;
            @ThreadSafe
            class ViaAnnotation {
              private Map<String, Long> m = new HashMap<>();
              void flush() {
                // BUG: Diagnostic contains: UnsafeMapReassignment
                m = new HashMap<>();
              }
            }
            """)
        .addSource(
            "t/ViaSynchronized.java",
            """
            package t;
            import java.util.*;
            class ViaSynchronized {
              private Map<String, Long> m = new HashMap<>();
              synchronized void add(String k) {
                m.put(k, 1L);
              }
              Long get(String k) {
                return m.get(k);
              }
              void flush() {
                // BUG: Diagnostic contains: UnsafeMapReassignment
                m = new HashMap<>();
              }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void positiveLockThatDoesNotCoverEveryRead() {
    RuleTester.create()
        .addSource(
            "t/HalfLocked.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.locks.*;
            class HalfLocked {
              private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
              private Map<String, String> m = new HashMap<>();
              String get(String k) {
                return m.get(k);
              }
              void reload(Map<String, String> src) {
                rw.writeLock().lock();
                try {
                  // BUG: Diagnostic contains: UnsafeMapReassignment
                  m = new HashMap<>(src);
                } finally {
                  rw.writeLock().unlock();
                }
              }
            }
            """)
        .addSource(
            "t/ReadLockedWrite.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.locks.*;
            class ReadLockedWrite {
              private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
              private Map<String, String> m = new HashMap<>();
              String get(String k) {
                rw.readLock().lock();
                try {
                  return m.get(k);
                } finally {
                  rw.readLock().unlock();
                }
              }
              void reload(Map<String, String> src) {
                rw.readLock().lock();
                try {
                  // BUG: Diagnostic contains: UnsafeMapReassignment
                  m = new HashMap<>(src);
                } finally {
                  rw.readLock().unlock();
                }
              }
            }
            """)
        .addSource(
            "t/TwoLocks.java",
            """
            package t;
            import java.util.*;
            class TwoLocks {
              private final Object a = new Object();
              private final Object b = new Object();
              private Map<String, String> m = new HashMap<>();
              String get(String k) {
                synchronized (a) {
                  return m.get(k);
                }
              }
              void reload(Map<String, String> src) {
                synchronized (b) {
                  // BUG: Diagnostic contains: UnsafeMapReassignment
                  m = new HashMap<>(src);
                }
              }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void positiveAfterUnlockTheLockIsNoLongerHeld() {
    RuleTester.create()
        .addSource(
            "t/Released.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.locks.*;
            class Released {
              private final Lock lock = new ReentrantLock();
              private Map<String, String> m = new HashMap<>();
              String get(String k) {
                lock.lock();
                try {
                  return m.get(k);
                } finally {
                  lock.unlock();
                }
              }
              void reload(Map<String, String> src) {
                lock.lock();
                try {
                  src.size();
                } finally {
                  lock.unlock();
                }
                // BUG: Diagnostic contains: UnsafeMapReassignment
                m = new HashMap<>(src);
              }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void positiveLambdaInAConstructorRunsAfterPublication() {
    RuleTester.create()
        .addSource(
            "t/Listener.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            class Listener {
              private Map<String, String> m = new ConcurrentHashMap<>();
              Listener(List<Runnable> hooks) {
                // BUG: Diagnostic contains: UnsafeMapReassignment
                hooks.add(() -> m = new ConcurrentHashMap<>());
              }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void positiveNewEmptyMapIsResetWithClearAndACopyWithSwap() {
    RuleTester.create()
        .withSnapshotMap()
        .addSource(
            "t/Shapes.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            class Shapes {
              private volatile boolean open; // shows its instances are shared
              private Map<String, Integer> m = new ConcurrentHashMap<>();
              void sized(int n) {
                // BUG: Diagnostic contains: call `m.clear()`
                m = new ConcurrentHashMap<>(n, 0.75f);
              }
              void presized(int n) {
                // BUG: Diagnostic contains: call `m.clear()`
                m = new HashMap<>(n);
              }
              void factory() {
                // BUG: Diagnostic contains: call `m.clear()`
                m = Collections.emptyMap();
              }
              void copy(Map<String, Integer> src) {
                // BUG: Diagnostic contains: `m.swap(fresh)`
                m = new ConcurrentHashMap<>(src);
              }
              void value(Map<String, Integer> src) {
                // BUG: Diagnostic contains: `m.swap(fresh)`
                m = src;
              }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void positiveAnOrderedMapIsNotOfferedSnapshotMap() {
    // A SnapshotMap would lose the order the field's maps keep, and the fixer refuses it: the
    // message must not promise it.
    RuleTester.create()
        .withSnapshotMap()
        .addSource(
            "t/Sorted.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            class Sorted {
              private volatile boolean open; // shows its instances are shared
              private Map<String, Integer> m = new ConcurrentHashMap<>();
              private Map<String, Integer> gone = new HashMap<>();
              void sorted() {
                // BUG: Diagnostic contains: Make `m` volatile and publish a complete new map
                m = new ConcurrentSkipListMap<>(Comparator.reverseOrder());
              }
              void refresh(Map<String, Integer> fresh) {
                // A SnapshotMap cannot stand for the null drop() writes.
                // BUG: Diagnostic contains: Make `gone` volatile and publish a complete new map
                gone = new HashMap<>(fresh);
              }
              void drop() {
                gone = null; // publishes no map, half-built or stale: not reported
              }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void negativeResettingToNullPublishesNoMap() {
    RuleTester.create()
        .addSource(
            "t/Message.java",
            """
            package t;
            import java.util.*;
            class Message {
              private volatile byte[] marshalled; // shows its instances are shared
              private Map<String, Object> properties;
              public Object property(String name) {
                Map<String, Object> p = properties;
                return p == null ? decode(marshalled).get(name) : p.get(name);
              }
              public void clearUnmarshalledState() {
                properties = null;
              }
              public void clearProperties() {
                marshalled = null;
                properties = (null);
              }
              private static Map<String, Object> decode(byte[] bytes) { return new HashMap<>(); }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void positiveMessageNamesThePreferredFix() {
    String source =
        """
        package t;
        import java.util.*;
        import java.util.concurrent.*;
        class Fix {
          private volatile boolean open; // shows its instances are shared
          private Map<String, Integer> m = new ConcurrentHashMap<>();
          void reset() {
            // BUG: Diagnostic contains: EMPTY
            m = new ConcurrentHashMap<>();
          }
          void reload(Map<String, Integer> src) {
            // BUG: Diagnostic contains: VALUE
            m = new ConcurrentHashMap<>(src);
          }
        }
        """;
    RuleTester.create()
        .addSource(
            "t/Fix.java",
            source
                .replace(
                    "EMPTY",
                    "a half-built new one. Make `m` volatile and publish a complete new map in one"
                        + " assignment, or add dev.clearguard:clearguard-runtime and migrate `m` to"
                        + " SnapshotMap and call `m.clear()` (atomic, O(1)).")
                .replace(
                    "VALUE",
                    "a half-built new one. Make `m` volatile and publish a complete new map in one"
                        + " assignment, or add dev.clearguard:clearguard-runtime and migrate `m` to"
                        + " SnapshotMap and install the new contents with `m.swap(fresh)`"
                        + " (atomic)."))
        .expectMarkedFindings();
    RuleTester.create()
        .withSnapshotMap()
        .addSource(
            "t/Fix.java",
            source
                .replace(
                    "EMPTY",
                    "a half-built new one. Migrate `m` to SnapshotMap and call `m.clear()` (atomic,"
                        + " O(1)).")
                .replace(
                    "VALUE",
                    "a half-built new one. Migrate `m` to SnapshotMap and install the new contents"
                        + " with `m.swap(fresh)` (atomic)."))
        .expectMarkedFindings();
  }

  @Test
  void messageWarnsThatSnapshotMapRejectsNullsOnlyWhereTheMapAcceptedThem() {
    List<Finding> findings =
        RuleTester.create()
            .withSnapshotMap()
            .addSource(
                "t/Caches.java",
                """
                package t;
                import java.util.*;
                import java.util.concurrent.ConcurrentHashMap;
                class Caches {
                  private Map<String, String> plain = new HashMap<>();
                  private Map<String, String> concurrent = new ConcurrentHashMap<>();
                  synchronized void touch() {}
                  String get(String k) { return plain.get(k) + concurrent.get(k); }
                  void reset() {
                    plain = new HashMap<>();
                    concurrent = new ConcurrentHashMap<>();
                  }
                }
                """)
            .findings();
    assertEquals(
        List.of("plain: true", "concurrent: false"),
        findings.stream()
            .map(
                f ->
                    f.fixPlan().field().name()
                        + ": "
                        + f.message().contains("SnapshotMap rejects null keys and values"))
            .toList());
  }
}
