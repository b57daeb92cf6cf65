package dev.clearguard.rules;

import org.junit.jupiter.api.Test;

final class ClearThenRefillTest {

  // ---- negatives, in the order of the rule's guard clauses ----

  @Test
  void negativeClearWithArgumentsIsNotAMapClear() {
    RuleTester.create()
        .addSource(
            "t/Buffer.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.ConcurrentHashMap;
            class Buffer {
              static final class Ring {
                void clear(int upTo) {}
              }
              private final Map<String, String> m = new ConcurrentHashMap<>();
              private final Ring ring = new Ring();
              void partial(Map<String, String> src) {
                ring.clear(3);
                m.putAll(src);
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void positiveConditionalClearWithoutBracesReadsAsWithBraces() {
    // When `full` holds, readers see the empty map until putAll: the same race as the braced form.
    RuleTester.create()
        .addSource(
            "t/Shapes.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.ConcurrentHashMap;
            class Shapes {
              private final Map<String, String> m = new ConcurrentHashMap<>();
              void reload(Map<String, String> src, boolean full) {
                // BUG: Diagnostic contains: ClearThenRefill
                if (full) m.clear();
                m.putAll(src);
              }
              void braced(Map<String, String> src, boolean full) {
                if (full) {
                  // BUG: Diagnostic contains: ClearThenRefill
                  m.clear();
                }
                m.putAll(src);
              }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void negativeConditionalClearWithoutBracesThenOnePutOrARefillInTheOtherBranch() {
    RuleTester.create()
        .addSource(
            "t/Shapes.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.ConcurrentHashMap;
            class Shapes {
              private final Map<String, String> m = new ConcurrentHashMap<>();
              void remember(String k, String v) {
                if (m.size() > 1_000) m.clear(); // a size-bounded memo: one put is no refill
                m.put(k, v);
              }
              void reload(Map<String, String> src, boolean reset) {
                if (reset) m.clear();
                else m.putAll(src);
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void negativePlainMapInAnUnsharedClass() {
    RuleTester.create()
        .addSource(
            "t/RequestBuilder.java",
            """
            package t;
            import java.util.*;
            class RequestBuilder {
              private final Map<String, String> headers = new HashMap<>();
              RequestBuilder headers(Map<String, String> all) {
                headers.clear();
                headers.putAll(all);
                return this;
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void negativeLocalMapIsNobodyElses() {
    RuleTester.create()
        .addSource(
            "t/Local.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.ConcurrentHashMap;
            class Local {
              private volatile Map<String, String> current = Map.of();
              void reload(Map<String, String> src) {
                ConcurrentHashMap<String, String> fresh = new ConcurrentHashMap<>();
                fresh.clear();
                fresh.putAll(src);
                current = fresh;
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
            "t/Early.java",
            """
            package t;
            import java.io.*;
            import java.util.*;
            import java.util.concurrent.ConcurrentHashMap;
            import t.jakarta.PostConstruct;
            class Early implements Serializable {
              private final Map<String, String> m = new ConcurrentHashMap<>();
              private static final Map<String, String> DEFAULTS = new ConcurrentHashMap<>();
              static {
                DEFAULTS.clear();
                DEFAULTS.putAll(System.getenv());
              }
              {
                m.clear();
                m.putAll(DEFAULTS);
              }
              Early(Map<String, String> seed) {
                m.clear();
                m.putAll(seed);
              }
              @PostConstruct
              void init() {
                m.clear();
                m.putAll(DEFAULTS);
              }
              private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
                in.defaultReadObject();
                m.clear();
                m.putAll(DEFAULTS);
              }
              @interface BeforeEach {}
              @BeforeEach
              void fixture() {
                m.clear();
                m.put("a", "1");
                m.put("b", "2");
              }
              void setUp() {
                m.clear();
                m.putAll(DEFAULTS);
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
              private final Map<String, String> sync = Collections.synchronizedMap(new HashMap<>());
              private final Hashtable<String, String> table = new Hashtable<>();
              private volatile boolean open; // its instances are shared: a Hashtable alone is no evidence
              String get(String k) {
                return sync.get(k) + table.get(k);
              }
              void reload(Map<String, String> src) {
                synchronized (sync) {
                  sync.clear();
                  sync.putAll(src);
                }
                synchronized (table) {
                  table.clear();
                  for (Map.Entry<String, String> e : src.entrySet()) {
                    table.put(e.getKey(), e.getValue());
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
            "t/Tenants.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.ConcurrentHashMap;
            class Tenants {
              private final Map<String, String> tenants = new ConcurrentHashMap<>();
              synchronized String lookup(String id) {
                return tenants.get(id);
              }
              synchronized void reload(Map<String, String> src) {
                tenants.clear();
                tenants.putAll(src);
              }
            }
            """)
        .addSource(
            "t/Monitor.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.ConcurrentHashMap;
            class Monitor {
              private final Object lock = new Object();
              private final Map<String, String> m = new ConcurrentHashMap<>();
              String lookup(String id) {
                synchronized (lock) {
                  return m.get(id);
                }
              }
              void reload(Map<String, String> src) {
                synchronized (lock) {
                  m.clear();
                  m.putAll(src);
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
            import java.util.concurrent.ConcurrentHashMap;
            import java.util.concurrent.locks.*;
            class Templates {
              private final ReadWriteLock rw = new ReentrantReadWriteLock();
              private final Map<String, String> m = new ConcurrentHashMap<>();
              String get(String k) {
                rw.readLock().lock();
                try {
                  return m.get(k);
                } finally {
                  rw.readLock().unlock();
                }
              }
              void reload(Map<String, String> src) {
                rw.writeLock().lock();
                try {
                  m.clear();
                  m.putAll(src);
                } finally {
                  rw.writeLock().unlock();
                }
              }
            }
            """)
        .addSource(
            "t/Plain.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.ConcurrentHashMap;
            import java.util.concurrent.locks.*;
            class Plain {
              private final Lock lock = new ReentrantLock();
              private final Map<String, String> m = new ConcurrentHashMap<>();
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
                  m.clear();
                  src.forEach(m::put);
                } finally {
                  lock.unlock();
                }
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void negativeReadUnderTheReadLockDoesNotOrderAClear() {
    // A clear under the read lock runs alongside readers: the read lock is not "one lock" here.
    RuleTester.create()
        .addSource(
            "t/Wrong.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.ConcurrentHashMap;
            import java.util.concurrent.locks.*;
            class Wrong {
              private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
              private final Map<String, String> m = new ConcurrentHashMap<>();
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
                  // BUG: Diagnostic contains: ClearThenRefill
                  m.clear();
                  m.putAll(src);
                } finally {
                  rw.readLock().unlock();
                }
              }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void negativeOneLockAlsoHoldsInsideARefillLambda() {
    // The lambda passed to forEach runs inside the call, so the monitor is still held there.
    RuleTester.create()
        .addSource(
            "t/Directory.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.ConcurrentHashMap;
            class Directory {
              private final Map<String, String> m = new ConcurrentHashMap<>();
              synchronized String lookup(String id) {
                return m.get(id);
              }
              synchronized void reload(Map<String, String> src) {
                m.clear();
                src.forEach((k, v) -> m.put(k, v));
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void negativeNoRefill() {
    RuleTester.create()
        .addSource(
            "t/Memo.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.ConcurrentHashMap;
            class Memo {
              private final Map<String, String> m = new ConcurrentHashMap<>();
              private final Map<String, String> errors = new ConcurrentHashMap<>();
              private final Map<String, String> other = new ConcurrentHashMap<>();
              void reset() {
                m.clear();
              }
              String compute(String k) {
                if (m.size() > 100) {
                  m.clear();
                }
                String v = k.toUpperCase();
                m.put(k, v);
                return v;
              }
              void latestError(String where, String what) {
                errors.clear();
                errors.put(where, what);
              }
              void otherMap(Map<String, String> src) {
                m.clear();
                other.putAll(src);
                for (Map.Entry<String, String> e : src.entrySet()) {
                  other.put(e.getKey(), e.getValue());
                }
                src.forEach(other::put);
                src.forEach((k, v) -> other.put(k, v));
              }
              void readsAfterwards(Map<String, String> src) {
                m.clear();
                for (String k : src.keySet()) {
                  other.remove(k);
                }
                src.forEach((k, v) -> System.out.println(m.get(k)));
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void negativeRefillOfTheSameFieldOfAnotherObject() {
    RuleTester.create()
        .addSource(
            "t/Shard.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.ConcurrentHashMap;
            class Shard {
              private final Map<String, String> m = new ConcurrentHashMap<>();
              void handOver(Shard next) {
                Map<String, String> mine = new HashMap<>(m);
                this.m.clear();
                next.m.putAll(mine);
              }
              void takeOver(Shard previous) {
                previous.m.clear();
                m.put("a", "1");
                m.put("b", "2");
              }
              static void move(Shard from, Shard to, Map<String, String> src) {
                from.m.clear();
                src.forEach(to.m::put);
              }
              void viaAlias(Shard other, Map<String, String> src) {
                Map<String, String> target = m;
                target = other.m;
                m.clear();
                target.putAll(src);
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
              private final Map<String, String> m = new ConcurrentHashMap<>();
              @SuppressWarnings("ClearThenRefill") // tolerated: only called before the server starts
              void a(Map<String, String> src) {
                m.clear();
                m.putAll(src);
              }
              @SuppressWarnings({"unchecked", "ClearGuard"}) // tolerated: readers retry on a miss
              void b(Map<String, String> src) {
                m.clear();
                src.forEach(m::put);
              }
            }
            """)
        .addSource(
            "t/QuietClass.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.ConcurrentHashMap;
            @SuppressWarnings("ClearGuard") // tolerated: a test double
            class QuietClass {
              private final Map<String, String> m = new ConcurrentHashMap<>();
              void a(Map<String, String> src) {
                m.clear();
                m.putAll(src);
              }
            }
            """)
        .expectNoFindings();
  }

  @Test
  void negativeOtherRulesSuppressionDoesNotSilenceThisOne() {
    RuleTester.create()
        .addSource(
            "t/Wrong.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.ConcurrentHashMap;
            class Wrong {
              private final Map<String, String> m = new ConcurrentHashMap<>();
              @SuppressWarnings("IterateRemoveClear") // tolerated: not this rule
              void a(Map<String, String> src) {
                // BUG: Diagnostic contains: ClearThenRefill
                m.clear();
                m.putAll(src);
              }
            }
            """)
        .expectMarkedFindings();
  }

  // ---- positives: every variant ----

  @Test
  void positiveClearThenPutAll() {
    RuleTester.create()
        .addSource(
            "t/Config.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            class Config {
              private final ConcurrentMap<String, String> settings = new ConcurrentHashMap<>();
              private final Map<String, String> declaredMap = new ConcurrentHashMap<>();
              void reload(Map<String, String> src) {
                // BUG: Diagnostic contains: Between `settings.clear()` and the refill, readers see
                settings.clear();
                settings.putAll(src);
              }
              void reloadThis(Map<String, String> src) {
                // BUG: Diagnostic contains: ClearThenRefill
                this.declaredMap.clear();
                log("reloading");
                this.declaredMap.putAll(src);
              }
              void log(String s) {}
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void positiveSameObjectNamedTwoWays() {
    RuleTester.create()
        .addSource(
            "t/Aliases.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.ConcurrentHashMap;
            class Aliases {
              private final Map<String, String> m = new ConcurrentHashMap<>();
              void viaLocal(Map<String, String> src) {
                Map<String, String> view = this.m;
                // BUG: Diagnostic contains: ClearThenRefill
                m.clear();
                view.putAll(src);
              }
              static void viaParameter(Aliases a, Map<String, String> src) {
                // BUG: Diagnostic contains: ClearThenRefill
                a.m.clear();
                src.forEach(a.m::put);
              }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void positiveClearThenALoopOfPuts() {
    RuleTester.create()
        .addSource(
            "t/Loops.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            class Loops {
              private final Map<String, String> m = new ConcurrentHashMap<>();
              void forEachLoop(Map<String, String> src) {
                // BUG: Diagnostic contains: ClearThenRefill
                m.clear();
                for (Map.Entry<String, String> e : src.entrySet()) {
                  m.put(e.getKey(), e.getValue());
                }
              }
              void indexLoop(List<String> keys) {
                // BUG: Diagnostic contains: ClearThenRefill
                m.clear();
                for (int i = 0; i < keys.size(); i++) {
                  m.put(keys.get(i), String.valueOf(i));
                }
              }
              void whileLoop(Iterator<String> keys) {
                // BUG: Diagnostic contains: ClearThenRefill
                m.clear();
                while (keys.hasNext()) {
                  String k = keys.next();
                  m.putIfAbsent(k, k);
                }
              }
              void doWhileLoop(Deque<String> keys) {
                // BUG: Diagnostic contains: ClearThenRefill
                m.clear();
                do {
                  String k = keys.pop();
                  m.merge(k, k, String::concat);
                } while (!keys.isEmpty());
              }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void positiveClearThenForEachPut() {
    RuleTester.create()
        .addSource(
            "t/Flags.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            class Flags {
              private final Map<String, Boolean> overrides = new ConcurrentHashMap<>();
              void reference(Map<String, Boolean> fresh) {
                // BUG: Diagnostic contains: ClearThenRefill
                overrides.clear();
                fresh.forEach(overrides::put);
              }
              void lambda(Map<String, Boolean> fresh) {
                // BUG: Diagnostic contains: ClearThenRefill
                overrides.clear();
                fresh.forEach((k, v) -> overrides.put(k, v));
              }
              void blockLambda(List<String> names) {
                // BUG: Diagnostic contains: ClearThenRefill
                overrides.clear();
                names.forEach(
                    n -> {
                      overrides.put(n, Boolean.TRUE);
                    });
              }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void positiveClearThenTwoPuts() {
    RuleTester.create()
        .addSource(
            "t/Pair.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            class Pair {
              private final Map<String, String> m = new ConcurrentHashMap<>();
              void reset(String a, String b) {
                // BUG: Diagnostic contains: ClearThenRefill
                m.clear();
                m.put("a", a);
                m.put("b", b);
              }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void positiveOtherConcurrentMaps() {
    RuleTester.create()
        .addSource(
            "t/Kinds.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            class Kinds {
              private final Hashtable<String, String> table = new Hashtable<>();
              private volatile boolean open; // its instances are shared: a Hashtable alone is no evidence
              private final Map<String, String> wrapped = Collections.synchronizedMap(new HashMap<>());
              private final ConcurrentSkipListMap<String, String> sorted = new ConcurrentSkipListMap<>();
              static void wipe(ConcurrentMap<String, String> shared, Map<String, String> src) {
                // BUG: Diagnostic contains: ClearThenRefill
                shared.clear();
                shared.putAll(src);
              }
              void reload(Map<String, String> src) {
                // BUG: Diagnostic contains: ClearThenRefill
                table.clear();
                table.putAll(src);
                // BUG: Diagnostic contains: ClearThenRefill
                wrapped.clear();
                wrapped.putAll(src);
                // BUG: Diagnostic contains: ClearThenRefill
                sorted.clear();
                sorted.putAll(src);
              }
            }
            """)
        .expectMarkedFindings();
  }

  @Test
  void positiveLockThatDoesNotCoverTheReaders() {
    RuleTester.create()
        .addSource(
            "t/HalfLocked.java",
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            class HalfLocked {
              private final Map<String, String> m = new ConcurrentHashMap<>();
              String lookup(String k) {
                return m.get(k);
              }
              synchronized void reload(Map<String, String> src) {
                // BUG: Diagnostic contains: ClearThenRefill
                m.clear();
                m.putAll(src);
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
          void reload(Map<String, Integer> src) {
            // BUG: Diagnostic contains: MESSAGE
            m.clear();
            m.putAll(src);
          }
        }
        """;
    RuleTester.create()
        .addSource(
            "t/Fix.java",
            source.replace(
                "MESSAGE",
                // The field is final: making it volatile means it stops being final.
                "partly filled map. Make `m` volatile instead of final and publish a complete new"
                    + " map in one assignment, or add dev.clearguard:clearguard-runtime and migrate `m` to"
                    + " SnapshotMap and install the new contents with `m.swap(fresh)` (atomic)."))
        .expectMarkedFindings();
    RuleTester.create()
        .withSnapshotMap()
        .addSource(
            "t/Fix.java",
            source.replace(
                "MESSAGE",
                "partly filled map. Migrate `m` to SnapshotMap and install the new contents with"
                    + " `m.swap(fresh)` (atomic)."))
        .expectMarkedFindings();
  }
}
