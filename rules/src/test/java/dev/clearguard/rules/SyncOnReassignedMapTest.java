package dev.clearguard.rules;

import org.junit.jupiter.api.Test;

final class SyncOnReassignedMapTest {

  // ---- negatives, in the order of the rule's guard clauses ----

  @Test
  void negativeSynchronizedBeforePublication() {
    RuleTester.create()
        .addSource(
            "t/Early.java",
            """
            package t;
            import java.util.*;
            class Early {
              private volatile Map<String, String> m = new HashMap<>();
              Early(Map<String, String> seed) {
                synchronized (m) {
                  m.putAll(seed);
                }
              }
              void reset() {
                m = new HashMap<>();
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void negativeNotAMapField() {
    RuleTester.create()
        .addSource(
            "t/Others.java",
            """
            package t;
            import java.util.*;
            class Others {
              private volatile Object lock = new Object();
              private volatile List<String> list = new ArrayList<>();
              void run(Map<String, String> param) {
                synchronized (lock) {
                  lock = new Object();
                }
                synchronized (list) {
                  list = new ArrayList<>();
                }
                synchronized (param) {
                  param = new HashMap<>();
                }
                Map<String, String> local = new HashMap<>();
                synchronized (local) {
                  local = new HashMap<>();
                }
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void negativeFinalField() {
    RuleTester.create()
        .addSource(
            "t/Pool.java",
            """
            package t;
            import java.util.*;
            class Pool {
              private final Map<String, String> idle = Collections.synchronizedMap(new HashMap<>());
              void evict(String k) {
                synchronized (idle) {
                  idle.remove(k);
                }
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void negativeAssignedOnlyBeforePublication() {
    RuleTester.create()
        .addSource(
            "t/jakarta/PostConstruct.java",
            """
            package t.jakarta;
            public @interface PostConstruct {}
            """)
        .addSource(
            "t/Early.java",
            """
            package t;
            import java.io.*;
            import java.util.*;
            import t.jakarta.PostConstruct;
            class Early implements Serializable {
              private static Map<String, String> defaults;
              private transient Map<String, String> m;
              private Map<String, String> n;
              static {
                defaults = new HashMap<>();
              }
              {
                n = new HashMap<>();
              }
              Early() {
                m = new HashMap<>();
              }
              @PostConstruct
              void init() {
                m = new HashMap<>(defaults);
              }
              private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
                in.defaultReadObject();
                m = new HashMap<>();
              }
              void put(String k, String v) {
                synchronized (m) {
                  m.put(k, v);
                }
                synchronized (n) {
                  n.put(k, v);
                }
                synchronized (defaults) {
                  defaults.put(k, v);
                }
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void negativeAssignedOnlyOnAnotherObject() {
    RuleTester.create()
        .addSource(
            "t/Snapshot.java",
            """
            package t;
            import java.util.*;
            class Snapshot {
              private Map<String, String> m = new HashMap<>();
              Snapshot copy() {
                Snapshot other = new Snapshot();
                synchronized (m) {
                  other.m = new HashMap<>(m);
                }
                return other;
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void negativeReassignedUnderTheSameOuterLock() {
    RuleTester.create()
        .addSource(
            "t/Outer.java",
            """
            package t;
            import java.util.*;
            class Outer {
              private final Object lock = new Object();
              private Map<String, String> m = new HashMap<>();
              String get(String k) {
                synchronized (lock) {
                  synchronized (m) {
                    return m.get(k);
                  }
                }
              }
              void reset() {
                synchronized (lock) {
                  m = new HashMap<>();
                }
              }
            }
            """)
        .addSource(
            "t/Methods.java",
            """
            package t;
            import java.util.*;
            class Methods {
              private Map<String, String> m = new HashMap<>();
              synchronized void put(String k, String v) {
                synchronized (m) {
                  m.put(k, v);
                }
              }
              synchronized void reset() {
                m = new HashMap<>();
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
            class Quiet {
              private volatile Map<String, String> m = new HashMap<>();
              @SuppressWarnings("SyncOnReassignedMap") // tolerated: a debug dump only
              void a() {
                synchronized (m) {
                  m.size();
                }
              }
              @SuppressWarnings({"unchecked", "ClearGuard"}) // tolerated: a debug dump only
              void b() {
                synchronized (m) {
                  m.size();
                }
              }
              void reset() {
                m = new HashMap<>();
              }
            }
            """)
        .expectNoFindings();
  }

  // ---- positives: every variant ----

  @Test
  void positiveEachSynchronizedStatementReported() {
    RuleTester.create()
        .addSource(
            "t/RouteTable.java",
            """
            package t;
            import java.util.*;
            class RouteTable {
              private volatile Map<String, String> routes = new HashMap<>();
              void add(String p, String t) {
                // BUG: Diagnostic contains: `routes` is reassigned, so two threads can each hold
                synchronized (routes) {
                  routes.put(p, t);
                }
              }
              void remove(String p) {
                // BUG: Diagnostic contains: SyncOnReassignedMap
                synchronized (this.routes) {
                  routes.remove(p);
                }
              }
              void rebuild(Map<String, String> src) {
                routes = new HashMap<>(src);
              }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void positiveNonVolatileFieldAlsoGetsTheReassignmentFinding() {
    RuleTester.create()
        .addSource(
            "t/Routes.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.ConcurrentHashMap;
            class Routes {
              private Map<String, String> routes = new ConcurrentHashMap<>();
              String get(String p) {
                // BUG: Diagnostic contains: SyncOnReassignedMap
                synchronized (routes) {
                  return routes.get(p);
                }
              }
              void clear() {
                // BUG: Diagnostic contains: UnsafeMapReassignment
                routes = new ConcurrentHashMap<>();
              }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void positiveStaticFieldAndNestedClass() {
    RuleTester.create()
        .addSource(
            "t/Registry.java",
            """
            package t;
            import java.util.*;
            class Registry {
              private static volatile Map<String, String> all = new HashMap<>();
              static void register(String k, String v) {
                // BUG: Diagnostic contains: SyncOnReassignedMap
                synchronized (Registry.all) {
                  all.put(k, v);
                }
              }
              static void reset() {
                all = new HashMap<>();
              }
              final class Worker implements Runnable {
                @Override
                public void run() {
                  // BUG: Diagnostic contains: SyncOnReassignedMap
                  synchronized (all) {
                    all.clear();
                  }
                }
              }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void positiveOuterLockDoesNotCoverEveryReassignment() {
    RuleTester.create()
        .addSource(
            "t/Partly.java",
            """
            package t;
            import java.util.*;
            class Partly {
              private final Object lock = new Object();
              private volatile Map<String, String> m = new HashMap<>();
              String get(String k) {
                synchronized (lock) {
                  // BUG: Diagnostic contains: SyncOnReassignedMap
                  synchronized (m) {
                    return m.get(k);
                  }
                }
              }
              void reset() {
                synchronized (lock) {
                  m = new HashMap<>();
                }
              }
              void load(Map<String, String> src) {
                m = new HashMap<>(src);
              }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void positiveMessageNamesThePreferredFix() {
    String source =
        """
        package t;
        import java.util.*;
        import java.util.concurrent.*;
        class Fix {
          private volatile Map<String, Integer> m = new ConcurrentHashMap<>();
          int size() {
            // BUG: Diagnostic contains: MESSAGE
            synchronized (m) {
              return m.size();
            }
          }
          void reset() {
            m = new ConcurrentHashMap<>();
          }
        }
        """;
    RuleTester.create()
        .addSource(
            "t/Fix.java",
            source.replace(
                "MESSAGE",
                "one on the new. Lock on a dedicated `private final Object` instead, or make `m`"
                    + " final and reset its contents, or add dev.clearguard:clearguard-runtime and"
                    + " migrate `m` to a final SnapshotMap and reset it with clear()/swap() instead"
                    + " of reassigning it."))
        .expectMarkedFindings();
    RuleTester.create()
        .withSnapshotMap()
        .addSource(
            "t/Fix.java",
            source.replace(
                "MESSAGE",
                "one on the new. Migrate `m` to a final SnapshotMap and reset it with"
                    + " clear()/swap() instead of reassigning it."))
        .expectMarkedFindings();
  }
}
