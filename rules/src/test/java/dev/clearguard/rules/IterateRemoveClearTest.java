package dev.clearguard.rules;

import org.junit.jupiter.api.Test;

final class IterateRemoveClearTest {

  // ---- negatives, in the order of the rule's guard clauses ----

  @Test
  void negativeConditionalRemovalIsNotAClear() {
    RuleTester.create()
        .addSource(
            "t/Sessions.java",
            """
            package t;
            import java.util.concurrent.ConcurrentHashMap;
            import java.util.Map;
            class Sessions {
              private final Map<String, Long> expiry = new ConcurrentHashMap<>();
              void evictExpired(long now) {
                for (Map.Entry<String, Long> e : expiry.entrySet()) {
                  if (e.getValue() < now) {
                    expiry.remove(e.getKey());
                  }
                }
              }
              void evictSome() {
                for (String k : expiry.keySet()) {
                  if (k.startsWith("tmp")) continue;
                  expiry.remove(k);
                }
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void negativeBreakOrReturnStopsEarly() {
    RuleTester.create()
        .addSource(
            "t/Budget.java",
            """
            package t;
            import java.util.concurrent.ConcurrentHashMap;
            class Budget {
              private final ConcurrentHashMap<String, Integer> m = new ConcurrentHashMap<>();
              void trim(int max) {
                int n = 0;
                for (String k : m.keySet()) {
                  m.remove(k);
                  if (++n == max) break;
                }
              }
              void one() {
                for (String k : m.keySet()) {
                  m.remove(k);
                  return;
                }
              }
            }
            """)
        .addSource(
            "t/Nested.java",
            """
            package t;
            import java.util.concurrent.ConcurrentHashMap;
            class Nested {
              private final ConcurrentHashMap<String, Integer> m = new ConcurrentHashMap<>();
              void all() {
                // BUG: Diagnostic contains: IterateRemoveClear
                for (String k : m.keySet()) {
                  for (int i = 0; i < 3; i++) { if (i == 1) break; }
                  m.remove(k);
                }
              }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void negativeValueCheckedRemoveKeepsConcurrentWrites() {
    RuleTester.create()
        .addSource(
            "t/Counters.java",
            """
            package t;
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            class Counters {
              private final Map<String, Long> counts = new ConcurrentHashMap<>();
              void flush() {
                for (Map.Entry<String, Long> e : counts.entrySet()) {
                  counts.remove(e.getKey(), e.getValue());
                }
                counts.forEach((k, v) -> counts.remove(k, v));
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void negativeDifferentMapOrLocalCopy() {
    RuleTester.create()
        .addSource(
            "t/Two.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.ConcurrentHashMap;
            class Two {
              private final Map<String, Long> a = new ConcurrentHashMap<>();
              private final Map<String, Long> b = new ConcurrentHashMap<>();
              void moveOver() {
                for (String k : a.keySet()) {
                  b.remove(k);
                }
              }
              void local() {
                Map<String, Long> copy = new ConcurrentHashMap<>(a);
                for (String k : copy.keySet()) {
                  copy.remove(k);
                }
                Map<String, Long> fresh = new HashMap<>();
                fresh.keySet().removeIf(k -> true);
              }
              void iteratorOverCopyRemovesFromCopy() {
                Iterator<String> it = new ArrayList<>(a.keySet()).iterator();
                while (it.hasNext()) {
                  it.next();
                  it.remove();
                }
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void negativeNonConcurrentMapIsNotShared() {
    RuleTester.create()
        .addSource(
            "t/Plain.java",
            """
            package t;
            import java.util.*;
            class Plain {
              private final Map<String, Long> m = new HashMap<>();
              void reset() {
                for (String k : new ArrayList<>(m.keySet())) {
                  m.remove(k);
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
            "t/Init.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.ConcurrentHashMap;
            class Init {
              private final Map<String, Long> m = new ConcurrentHashMap<>();
              Init(Map<String, Long> seed) {
                m.putAll(seed);
                for (String k : m.keySet()) {
                  m.remove(k);
                }
              }
              @interface BeforeEach {}
              @BeforeEach
              void setUpFixture() {
                m.keySet().removeIf(k -> true);
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void negativeSelfLockingMapInsideItsOwnMonitor() {
    RuleTester.create()
        .addSource(
            "t/Legacy.java",
            """
            package t;
            import java.util.*;
            class Legacy {
              private final Map<String, Long> sync = Collections.synchronizedMap(new HashMap<>());
              private final Hashtable<String, Long> table = new Hashtable<>();
              void reset() {
                synchronized (sync) {
                  for (Iterator<String> it = sync.keySet().iterator(); it.hasNext(); ) {
                    it.next();
                    it.remove();
                  }
                }
                synchronized (table) {
                  for (String k : new ArrayList<>(table.keySet())) {
                    table.remove(k);
                  }
                }
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void negativeEveryUseUnderOneLock() {
    RuleTester.create()
        .addSource(
            "t/Locked.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.ConcurrentHashMap;
            import java.util.concurrent.locks.*;
            class Locked {
              private final Map<String, Long> m = new ConcurrentHashMap<>();
              private final ReadWriteLock rw = new ReentrantReadWriteLock();
              private final Map<String, Long> n = new ConcurrentHashMap<>();
              Long get(String k) {
                rw.readLock().lock();
                try {
                  return m.get(k);
                } finally {
                  rw.readLock().unlock();
                }
              }
              void reset() {
                rw.writeLock().lock();
                try {
                  for (String k : m.keySet()) {
                    m.remove(k);
                  }
                } finally {
                  rw.writeLock().unlock();
                }
              }
              synchronized Long peek(String k) { return n.get(k); }
              synchronized void drop() { n.keySet().removeIf(k -> true); }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void negativeSuppressedAndGenerated() {
    RuleTester.create()
        .addSource(
            "t/Quiet.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.ConcurrentHashMap;
            class Quiet {
              private final Map<String, Long> m = new ConcurrentHashMap<>();
              @SuppressWarnings("IterateRemoveClear") // tolerated: only used at shutdown
              void a() { for (String k : m.keySet()) m.remove(k); }
              @SuppressWarnings({"unchecked", "ClearGuard"})
              void b() { m.keySet().removeIf(k -> true); }
              @javax.annotation.processing.Generated("tool")
              void c() { m.keySet().removeIf(k -> true); }
            }
            """)
        .expectNoFindings();
  }

  // ---- positives: every variant ----

  @Test
  void positiveEnhancedForOverEachView() {
    RuleTester.create()
        .addSource(
            "t/Registry.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            class Registry {
              private final ConcurrentMap<String, Session> sessions = new ConcurrentHashMap<>();
              record Session(String id) {}
              void clearKeys() {
                // BUG: Diagnostic contains: IterateRemoveClear
                for (String id : sessions.keySet()) {
                  sessions.remove(id);
                }
              }
              void clearEntries() {
                // BUG: Diagnostic contains: Removing the entries of `sessions` one at a time
                for (Map.Entry<String, Session> e : sessions.entrySet()) sessions.remove(e.getKey());
              }
              void clearValues() {
                // BUG: Diagnostic contains: IterateRemoveClear
                for (Session s : sessions.values()) {
                  sessions.remove(s.id());
                }
              }
              void drain(List<Session> out) {
                // BUG: Diagnostic contains: IterateRemoveClear
                for (Map.Entry<String, Session> e : sessions.entrySet()) {
                  out.add(e.getValue());
                  sessions.remove(e.getKey());
                }
              }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void positiveCopiesOfTheKeys() {
    RuleTester.create()
        .addSource(
            "t/Copies.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            class Copies {
              private final Map<String, Integer> m = new ConcurrentHashMap<>();
              void a() {
                // BUG: Diagnostic contains: IterateRemoveClear
                for (String k : new ArrayList<>(m.keySet())) {
                  m.remove(k);
                }
              }
              void b() {
                List<String> keys = List.copyOf(m.keySet());
                // BUG: Diagnostic contains: IterateRemoveClear
                for (String k : keys) {
                  m.remove(k);
                }
              }
              void c() {
                // BUG: Diagnostic contains: IterateRemoveClear
                for (Object k : m.keySet().toArray()) {
                  m.remove(k);
                }
              }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void positiveIteratorLoops() {
    RuleTester.create()
        .addSource(
            "t/Iter.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            class Iter {
              private final ConcurrentHashMap<String, Integer> m = new ConcurrentHashMap<>();
              private final Hashtable<String, Integer> table = new Hashtable<>();
              private volatile boolean open; // its instances are shared: a Hashtable alone is no evidence
              void a() {
                Iterator<String> it = m.keySet().iterator();
                // BUG: Diagnostic contains: IterateRemoveClear
                while (it.hasNext()) {
                  it.next();
                  it.remove();
                }
              }
              void b() {
                // BUG: Diagnostic contains: IterateRemoveClear
                for (Iterator<Map.Entry<String, Integer>> it = m.entrySet().iterator(); it.hasNext(); ) {
                  Map.Entry<String, Integer> e = it.next();
                  m.remove(e.getKey());
                }
              }
              void c() {
                Iterator<String> it = m.keySet().iterator();
                // BUG: Diagnostic contains: IterateRemoveClear
                while (it.hasNext()) {
                  m.remove(it.next());
                }
              }
              void d() {
                Enumeration<String> keys = table.keys();
                // BUG: Diagnostic contains: IterateRemoveClear
                while (keys.hasMoreElements()) {
                  table.remove(keys.nextElement());
                }
              }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void positiveBulkCalls() {
    RuleTester.create()
        .addSource(
            "t/Bulk.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            import java.util.stream.Collectors;
            class Bulk {
              private final Map<String, Integer> m = new ConcurrentHashMap<>();
              void run() {
                // BUG: Diagnostic contains: IterateRemoveClear
                m.keySet().removeIf(k -> true);
                // BUG: Diagnostic contains: IterateRemoveClear
                m.entrySet().removeIf(e -> { return true; });
                // BUG: Diagnostic contains: IterateRemoveClear
                m.values().removeIf(v -> true);
                // BUG: Diagnostic contains: IterateRemoveClear
                m.forEach((k, v) -> m.remove(k));
                // BUG: Diagnostic contains: IterateRemoveClear
                m.keySet().forEach(m::remove);
                // BUG: Diagnostic contains: IterateRemoveClear
                new ArrayList<>(m.keySet()).forEach(m::remove);
                // BUG: Diagnostic contains: IterateRemoveClear
                m.keySet().stream().forEach(m::remove);
                // BUG: Diagnostic contains: IterateRemoveClear
                m.keySet().stream().collect(Collectors.toList()).forEach(k -> m.remove(k));
                // BUG: Diagnostic contains: IterateRemoveClear
                m.keySet().retainAll(Collections.emptySet());
                // BUG: Diagnostic contains: IterateRemoveClear
                m.entrySet().forEach(e -> m.remove(e.getKey()));
              }
              void notAll() {
                m.keySet().removeIf(k -> k.isEmpty());
                m.keySet().stream().filter(k -> k.isEmpty()).forEach(m::remove);
                m.keySet().retainAll(Set.of("keep"));
                m.forEach((k, v) -> { if (v > 0) m.remove(k); });
              }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void positiveConcurrentParameterAndFieldDeclaredMapAssignedConcurrent() {
    RuleTester.create()
        .addSource(
            "t/Params.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            class Params {
              private Map<String, Integer> late;
              Params() { late = new ConcurrentHashMap<>(); }
              static void wipe(ConcurrentMap<String, Integer> shared) {
                // BUG: Diagnostic contains: IterateRemoveClear
                for (String k : shared.keySet()) shared.remove(k);
              }
              void wipeLate() {
                // BUG: Diagnostic contains: IterateRemoveClear
                late.keySet().removeIf(k -> true);
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
          private final Map<String, Integer> m = new ConcurrentHashMap<>();
          void run() {
            // BUG: Diagnostic contains: MESSAGE
            m.keySet().removeIf(k -> true);
          }
        }
        """;
    RuleTester.create()
        .addSource(
            "t/Fix.java",
            source.replace(
                "MESSAGE",
                "Call `m.clear()` instead (one call, no lost-write window), or add"
                    + " dev.clearguard:clearguard-runtime and migrate `m` to SnapshotMap"))
        .expectMarkedFindings();
    RuleTester.create()
        .withSnapshotMap()
        .addSource(
            "t/Fix.java",
            source.replace(
                "MESSAGE", "Migrate `m` to SnapshotMap and call `m.clear()` (atomic, O(1))."))
        .expectMarkedFindings();
  }

  @Test
  void positiveMoreShapesOfTheSameLoop() {
    RuleTester.create()
        .addSource(
            "t/More.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            class More {
              private final Map<String, Integer> m = new ConcurrentHashMap<>();
              private final Hashtable<String, Integer> table = new Hashtable<>();
              private volatile boolean open; // its instances are shared: a Hashtable alone is no evidence
              void a() {
                Iterator<String> it = m.keySet().iterator();
                // BUG: Diagnostic contains: IterateRemoveClear
                for (; it.hasNext(); ) {
                  it.next();
                  it.remove();
                }
              }
              void b() {
                // BUG: Diagnostic contains: IterateRemoveClear
                for (String k : Collections.list(table.keys())) {
                  table.remove(k);
                }
              }
              void c() {
                // BUG: Diagnostic contains: IterateRemoveClear
                m.entrySet().stream().map(Map.Entry::getKey).forEach(m::remove);
                // BUG: Diagnostic contains: IterateRemoveClear
                m.entrySet().stream().map(e -> e.getKey()).toList().forEach(m::remove);
              }
              void notAll() {
                m.entrySet().stream().map(e -> e.getKey() + "x").forEach(m::remove);
                m.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).forEach(m::remove);
              }
            }
            """)
        .expectMarkedFindings();
  }
}
