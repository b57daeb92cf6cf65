package dev.clearguard.runtime;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.checkerframework.checker.nullness.qual.NonNull;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.checkerframework.checker.nullness.qual.PolyNull;

/**
 * A {@link ConcurrentMap} whose whole contents can be cleared, drained or replaced in one step
 * while other threads keep reading and writing it.
 *
 * <p>Single-key operations behave like {@link ConcurrentHashMap}'s: each is atomic, keys and values
 * must not be {@code null} ({@link NullPointerException}), reads never block and writes contend
 * only with writes to the same key. Functions passed to {@code compute}, {@code computeIfAbsent},
 * {@code computeIfPresent} and {@code merge} run atomically with their write, as in {@code
 * ConcurrentHashMap}.
 *
 * <p>Guarantees of the operations that touch more than one entry, and what a concurrent writer can
 * observe:
 *
 * <ul>
 *   <li>{@link #clear()} is <em>atomic</em>: readers see every entry or none, and a write racing
 *       the clear is either removed with the rest or visible afterwards, never landing in the
 *       discarded contents after {@code clear()} has returned.
 *   <li>{@link #drain()} is <em>atomic</em> and <em>lossless</em>: readers see the old contents or
 *       an empty map, and every write that returned before the drain is in the returned map or, if
 *       it raced the drain, in this map afterwards, never lost and never in both.
 *   <li>{@link #swap(Map)} is <em>atomic</em> and <em>lossless</em>: readers see the old contents
 *       or the new ones, never an empty or partial mix, and every write that returned before the
 *       swap is in the returned map or, if it raced the swap, applied on top of the new contents,
 *       never lost and never in both.
 *   <li>{@link #putAll(Map)} is <em>weakly consistent</em>: readers may see some of its entries
 *       before others, but a concurrent {@code clear}, {@code drain} or {@code swap} never splits
 *       it: all its entries land in the same contents.
 *   <li>{@link #replaceAll(BiFunction)} is <em>weakly consistent</em>: each entry is replaced
 *       atomically, one at a time, and entries written concurrently may or may not be visited.
 *   <li>Iteration over {@link #keySet()}, {@link #values()} and {@link #entrySet()}, {@link
 *       #forEach(BiConsumer)}, {@link #size()}, {@link #isEmpty()}, {@link #containsValue(Object)},
 *       {@code equals}, {@code hashCode}, {@code toString} and serialization are <em>weakly
 *       consistent</em>: they reflect concurrent single-key writes or not, but never a concurrent
 *       {@code clear}, {@code drain} or {@code swap} halfway, and never throw {@link
 *       java.util.ConcurrentModificationException}.
 *   <li>Removal through the views and their iterators ({@code Iterator.remove}, {@code removeIf},
 *       {@code removeAll}, {@code retainAll}) is <em>weakly consistent</em>: each removal is an
 *       atomic {@code remove(key, value)} of the entry the iterator returned, so a value written
 *       concurrently under the same key survives.
 * </ul>
 *
 * <p>Maps returned by {@link #drain()} and {@link #swap(Map)} are unmodifiable and no thread writes
 * them any more. {@code clear}, {@code drain} and {@code swap} wait for the writes already in
 * progress when they start (only those; new writes go to the new contents at once), so a function
 * passed to {@code compute}, {@code computeIfAbsent}, {@code computeIfPresent} or {@code merge}
 * should be short and must not call {@code clear}, {@code drain} or {@code swap} on the same map:
 * it would wait for itself forever.
 *
 * @param <K> the type of keys
 * @param <V> the type of values
 */
public final class SnapshotMap<K extends @NonNull Object, V extends @NonNull Object>
    extends AbstractMap<K, V> implements ConcurrentMap<K, V>, Serializable {

  /*
   * Design rationale.
   *
   * Why generations. ConcurrentHashMap.clear() walks the table bin by bin, so a reader sees a
   * half-emptied map and a put racing the walk survives it; its per-bin locking (Doug Lea,
   * JSR 166) is what makes it fast, and no single-map trick makes "every entry at once" atomic
   * without giving that up. So the contents sit behind one volatile reference to a generation:
   * replacing the reference is the whole clear, drain or swap, in O(1), and a reader sees the
   * generation it loaded, old or new, never a mix. This is the publication half of read-copy
   * update (McKenney and Slingwine, "Read-Copy Update: Using Execution History to Solve
   * Concurrency Problems", 1998) without the copy: a new generation starts empty or with the
   * caller's contents.
   *
   * Why writers register and readers do not. A reader that loaded the old generation is
   * harmless: it is ordered before the replacement. A writer that loaded the old generation and
   * writes after drain() handed it out would be lost, and the "unmodifiable" result would change
   * under its owner. RCU and epoch-based reclamation (Fraser, "Practical lock-freedom", 2004)
   * solve the mirror problem, knowing when nobody still uses an old version, with per-thread or
   * per-CPU announcements the updater waits on. Here only writers announce: a writer publishes
   * "I am writing generation g", re-reads `sealed`, writes, and withdraws. Retiring a generation
   * sets `sealed` and waits until no announcement names it. Publish-then-check against
   * set-then-read is Dekker's pattern: the publication and both flag accesses are volatile, hence
   * sequentially consistent under the JMM, so either the writer sees `sealed` (and retries on
   * the new generation, already installed) or the retiring thread sees the announcement (and
   * waits for the write). It is the ingress/egress read indicator of Left-Right (Ramalhete and
   * Correia, 2013) turned round to count writers, so reads stay one volatile load plus a
   * ConcurrentHashMap read, and new writers never wait for a retirement.
   *
   * What a write must pay, and why it is one fence. Dekker's pattern needs a StoreLoad barrier
   * between the writer's publication and its check: without it (x86 TSO already allows it) the
   * publication can sit in the store buffer while the check reads "not sealed", the retiring
   * thread then reads no announcement and hands the generation out, and the write lands in it
   * afterwards. The barrier cannot be borrowed from ConcurrentHashMap's own bin lock or CAS: they
   * come inside put(), and the check must come before the write (once written, a late write
   * cannot be taken back: drain()'s caller may already have read it). Nor can the retiring
   * thread find writers by their writes, which are spread over the table, without O(n) work. The
   * designs that avoid the writer's barrier do so with an asymmetric one: liburcu's memb flavour
   * (membarrier(2)), HotSpot's biased locking (revocation at a safepoint); Java code has neither.
   * HdrHistogram's WriterReaderPhaser pays two atomic increments per write (enter and leave),
   * which is what a striped in-flight counter paid here until issue #14. Scala's TrieMap
   * generations make snapshots O(1) by copying paths on the next write after one, and JCTools'
   * NonBlockingHashMap swaps tables by marking every slot during a copy; both move the cost to
   * the writes or to O(n) work, and both allocate on writes, which ConcurrentHashMap overwrites do
   * not. So the floor is one full fence per write, and this design pays exactly that: the
   * announcement is a compare-and-set of the thread's slot (on x86 one locked instruction, the
   * fence itself), the withdrawal is a release store (a plain store on x86), and the check is a
   * volatile load. A release store suffices for the withdrawal because the retiring thread reads
   * the slot with a volatile load: seeing it free, it sees the write that preceded it.
   *
   * Why a shared table of slots. A slot per thread would need a ThreadLocal lookup on every write
   * and a registry of threads for the retiring thread to walk (with virtual threads, an unbounded
   * one). Instead every SnapshotMap in the JVM shares one small table of slots, padded 128 bytes
   * apart (a cache line plus the adjacent line the prefetcher pulls in), and a thread picks its
   * slot from its id by Fibonacci hashing (Knuth, TAOCP vol. 3, 6.4), so it keeps hitting the same
   * line. A slot holds the generation's id, so a retiring thread waits only for writers of its own
   * generation, whatever other maps they share slots with. An id (a long from a global counter),
   * not a reference to the generation: storing a reference into the shared array runs the
   * collector's write barrier, and G1's post barrier adds a StoreLoad fence and a card mark
   * whenever the stored object lies in another region. That is a second fence per write: while a
   * free slot held a sentinel object, SnapshotMap's put ran at 0.79 and 0.80 of a wrapped
   * ConcurrentHashMap in the gate lab, against 0.96 with longs (benchmarks/gate-lab, variant real;
   * docs/benchmarks.md). With longs the CAS is the only fence. When the slot is taken, by a thread
   * that hashes to it or by the same thread's enclosing write (a compute function that writes
   * another SnapshotMap), the writer falls back to the previous scheme: a striped counter of the
   * generation, incremented and decremented around the write (two atomics, as in
   * LongAdder/Striped64), which the retiring thread waits to read zero after the slots. The table
   * has 8 slots per CPU, 16 to 128, so running writers rarely collide, and reading it stays a few
   * hundred nanoseconds per retirement, independent of the map's size. The write path allocates
   * nothing (tickets are ints, the slots are static and the counters belong to the generation),
   * except for the first write that reaches a segment not yet created, which creates it.
   *
   * Why clear() waits as well. Without the wait clear() would still be linearizable (a writer
   * that loaded the old generation started before clear() and can be ordered before it), but a
   * put that returns after clear() has returned could then vanish into the discarded
   * generation, and code that signals "cleared" to other threads could not rely on anything
   * written afterwards. The wait is bounded by the writes already running, not by the size, so
   * clear() stays O(1) in the number of entries.
   *
   * Why not a read-write lock (writers as "readers", retirement as "writer"): its shared reader
   * count is one contended line written twice by every write, and its writer preference would
   * stall new writes during every drain; here they go straight to the new generation.
   *
   * Who waits, and how long. Only clear, drain and swap, only for writes already inside the
   * gate: nanoseconds, unless a compute/merge function is slow, which is why those functions
   * must be short (ConcurrentHashMap and Caffeine ask the same, since theirs run under a bin
   * lock). The waiter spins, then yields, then parks briefly, as a writer that holds it up may
   * be descheduled.
   *
   * Why a large generation is split into segments. swap() builds the new contents beside the old
   * ones, so it needs a new table, where ConcurrentHashMap.clear() + putAll() reuses its own. At
   * 10^6 entries one table is an 8 MB array, which G1 allocates as a humongous object, directly in
   * the old generation; a young collection cannot know that the table of a swapped-out generation
   * is dead, so every young node it points to is copied as live and promoted (nepotism), and
   * back-to-back swaps of a large map paid 17 to 30 times the collector time of the race they
   * replace (WholeMapBenchmark, gc.time).
   * So a generation sized for more than 2^14 entries (by the constructor's expectedSize or by the
   * contents swap() installs) keeps them in a power of two of segments, each an ordinary
   * ConcurrentHashMap sized for at most 2^14 entries, a table of 2^15 slots (128 KB with
   * compressed references), below half of G1's smallest region while the keys spread evenly: a
   * discarded generation is then young garbage like the nodes that ConcurrentHashMap.clear()
   * drops. A segment is created by the first write that reaches it, so clear() of a map
   * sized for millions allocates one small array. The segment comes from the hash bits above the
   * 14 a segment's table starts with, folded (see Segments.indexOf): the first try, the top bits
   * of a Fibonacci hash, scattered sequential keys over all segments and made a swap of 10^6
   * sequential Integer keys four times slower than with one table, which meets them in memory
   * order; the fold keeps that order. The write gate is the generation's, whatever segment a
   * write goes to, so nothing above changes. A small generation keeps its entries in its own
   * table, and a segmented one is a subclass that the JVM loads only when some map first needs
   * segments: until then no loaded class overrides lookup() or part(), so the JIT calls them
   * without any check of the layout (class hierarchy analysis), and after that it checks the
   * receiver's class. The first version tested a segments field instead, and that null check cost
   * a get hit 3 to 24% in three runs (benchmarks/gate-lab, layoutField against layoutNone). A
   * map created without a size that grows to millions through put() keeps one table, as
   * ConcurrentHashMap would; the expected size is how to opt in.
   *
   * Why views go back through the map. Iterators walk one generation, so they never see a
   * retirement halfway; their removals and setValue() are ordinary gated writes on the current
   * generation. Removal is remove(key, value), not remove(key): after a drain the iterator may
   * still walk the detached generation, and removal by key alone would delete a newer value it
   * never returned, the lost write that ConcurrentHashMap's own iterator removal allows between
   * next() and remove().
   */

  private static final long serialVersionUID = 1L;

  private static final VarHandle CURRENT;

  static {
    try {
      CURRENT =
          MethodHandles.lookup().findVarHandle(SnapshotMap.class, "current", Generation.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Sizes every fresh generation; 0 keeps ConcurrentHashMap's default. */
  private final int expectedSize;

  private transient volatile Generation<K, V> current;

  /** Creates an empty map. */
  public SnapshotMap() {
    this.expectedSize = 0;
    this.current = Generation.sizedFor(0);
  }

  /**
   * Creates an empty map sized, like every contents it is later cleared or drained to, for about
   * {@code expectedSize} entries. A map sized for more than 16,384 entries keeps them in segments
   * sized for at most that many each, small enough that contents discarded by {@link #clear()},
   * {@link #drain()} and {@link #swap(Map)} are collected as young garbage, as the nodes {@code
   * ConcurrentHashMap.clear()} drops are; so give a map expected to hold more than that its size.
   *
   * @throws IllegalArgumentException if {@code expectedSize} is negative
   */
  public SnapshotMap(int expectedSize) {
    if (expectedSize < 0) {
      throw new IllegalArgumentException("expectedSize < 0: " + expectedSize);
    }
    this.expectedSize = expectedSize;
    this.current = Generation.sizedFor(expectedSize);
  }

  /**
   * Creates a map with the entries of {@code contents}, sized for them; the contents that later
   * {@link #clear()} and {@link #drain()} install start at ConcurrentHashMap's default size.
   *
   * @throws NullPointerException if {@code contents} or any of its keys or values is null
   */
  public SnapshotMap(Map<? extends K, ? extends V> contents) {
    this.expectedSize = 0;
    Generation<K, V> first = Generation.sizedFor(contents.size());
    first.fill(contents);
    this.current = first;
  }

  // ---------------------------------------------------------------- whole-map operations

  /**
   * Removes every entry. <em>Atomic</em>: readers see every entry or none, and a write racing the
   * clear is either removed with the rest or visible afterwards, never landing in the discarded
   * contents after this method has returned. O(1) whatever the size.
   */
  @Override
  public void clear() {
    retire(newGeneration());
  }

  /**
   * Removes every entry and returns them. <em>Atomic</em> and <em>lossless</em>: readers see the
   * old contents or an empty map, and every write that returned before the drain is in the returned
   * map or, if it raced the drain, in this map afterwards, never lost and never in both. O(1)
   * whatever the size.
   *
   * @return the detached entries, unmodifiable and written by no one any more
   */
  public Map<K, V> drain() {
    return Collections.unmodifiableMap(retire(newGeneration()).contents());
  }

  /**
   * Replaces every entry by the entries of {@code contents} and returns the previous ones.
   * <em>Atomic</em> and <em>lossless</em>: readers see the old contents or the new ones, never an
   * empty or partial mix, and every write that returned before the swap is in the returned map or,
   * if it raced the swap, applied on top of the new contents, never lost and never in both. Costs
   * one copy of {@code contents}, made before anything changes, into contents sized for {@code
   * contents.size()} entries or for this map's expected size, whichever is larger.
   *
   * @param contents the new entries; copied, so later changes to it do not show here
   * @return the previous entries, unmodifiable and written by no one any more
   * @throws NullPointerException if {@code contents} or any of its keys or values is null, in which
   *     case this map is unchanged
   */
  public Map<K, V> swap(Map<? extends K, ? extends V> contents) {
    Generation<K, V> fresh = Generation.sizedFor(Math.max(expectedSize, contents.size()));
    fresh.fill(contents);
    return Collections.unmodifiableMap(retire(fresh).contents());
  }

  /** How many segments hold the current contents, 1 when the generation has none; for tests. */
  int segmentCount() {
    return current.segmentCount();
  }

  /** How many of those tables exist yet (segments are created by their first write); for tests. */
  int segmentsCreated() {
    return current.segmentsCreated();
  }

  private Generation<K, V> newGeneration() {
    return Generation.sizedFor(expectedSize);
  }

  private Generation<K, V> retire(Generation<K, V> fresh) {
    @SuppressWarnings("unchecked") // CURRENT only ever holds this map's own generations
    Generation<K, V> old = (Generation<K, V>) CURRENT.getAndSet(this, fresh);
    old.sealAndAwaitWriters();
    return old;
  }

  // ---------------------------------------------------------------- reads

  // KEYFOR_FACTS: the annotated JDK promises that a key passed to put() or seen in keySet() is
  // in the map. No concurrent map can keep that promise (another thread may remove the key the
  // next instant), ConcurrentHashMap's stubs make it unchecked, and it holds here exactly as
  // much as there; so the methods that make it suppress only the KeyFor checker.

  /** {@inheritDoc} Atomic, like {@link ConcurrentHashMap#get(Object)}. */
  @Override
  public @Nullable V get(Object key) {
    return current.lookup(key);
  }

  /** {@inheritDoc} Atomic, like {@link ConcurrentHashMap#getOrDefault(Object, Object)}. */
  @Override
  public V getOrDefault(Object key, V defaultValue) {
    V value = current.lookup(key);
    return value != null ? value : defaultValue;
  }

  /** {@inheritDoc} Atomic. */
  @SuppressWarnings("keyfor") // see KEYFOR_FACTS
  @Override
  public boolean containsKey(Object key) {
    return current.lookup(key) != null;
  }

  /**
   * {@inheritDoc} <em>Weakly consistent</em>: concurrent single-key writes may or may not be
   * reflected, a concurrent clear, drain or swap is reflected entirely or not at all.
   */
  @Override
  public boolean containsValue(Object value) {
    return current.contents().containsValue(value);
  }

  /**
   * {@inheritDoc} <em>Weakly consistent</em>: concurrent single-key writes may or may not be
   * counted, a concurrent clear, drain or swap is counted entirely or not at all.
   */
  @Override
  public int size() {
    return current.contents().size();
  }

  /**
   * {@inheritDoc} <em>Weakly consistent</em>: concurrent single-key writes may or may not be
   * reflected, a concurrent clear, drain or swap is reflected entirely or not at all.
   */
  @Override
  public boolean isEmpty() {
    return current.contents().isEmpty();
  }

  /**
   * {@inheritDoc} <em>Weakly consistent</em>: visits the contents current when called, reflecting
   * concurrent single-key writes or not, and a concurrent clear, drain or swap not at all.
   */
  @Override
  public void forEach(BiConsumer<? super K, ? super V> action) {
    current.contents().forEach(action);
  }

  // ---------------------------------------------------------------- single-key writes
  // Each one: register on the gate of the generation it read; if that generation is sealed,
  // re-read (the successor is installed before the seal) and retry.

  /** {@inheritDoc} Atomic, like {@link ConcurrentHashMap#put(Object, Object)}. */
  @SuppressWarnings("keyfor") // see KEYFOR_FACTS
  @Override
  public @Nullable V put(K key, V value) {
    for (; ; ) {
      Generation<K, V> g = current;
      int ticket = g.enter();
      if (ticket != Generation.RETRY) {
        try {
          return g.part(key).put(key, value);
        } finally {
          g.exit(ticket);
        }
      }
    }
  }

  /** {@inheritDoc} Atomic, like {@link ConcurrentHashMap#putIfAbsent(Object, Object)}. */
  @SuppressWarnings("keyfor") // see KEYFOR_FACTS
  @Override
  public @Nullable V putIfAbsent(K key, V value) {
    Objects.requireNonNull(value);
    for (; ; ) {
      Generation<K, V> g = current;
      // A present key makes this a read, which needs no registration.
      V present = g.lookup(key);
      if (present != null) {
        return present;
      }
      int ticket = g.enter();
      if (ticket != Generation.RETRY) {
        try {
          return g.part(key).putIfAbsent(key, value);
        } finally {
          g.exit(ticket);
        }
      }
    }
  }

  /** {@inheritDoc} Atomic, like {@link ConcurrentHashMap#remove(Object)}. */
  @Override
  public @Nullable V remove(Object key) {
    for (; ; ) {
      Generation<K, V> g = current;
      int ticket = g.enter();
      if (ticket != Generation.RETRY) {
        try {
          return g.part(key).remove(key);
        } finally {
          g.exit(ticket);
        }
      }
    }
  }

  /** {@inheritDoc} Atomic, like {@link ConcurrentHashMap#remove(Object, Object)}. */
  @Override
  public boolean remove(Object key, Object value) {
    for (; ; ) {
      Generation<K, V> g = current;
      int ticket = g.enter();
      if (ticket != Generation.RETRY) {
        try {
          return g.part(key).remove(key, value);
        } finally {
          g.exit(ticket);
        }
      }
    }
  }

  /** {@inheritDoc} Atomic, like {@link ConcurrentHashMap#replace(Object, Object, Object)}. */
  @Override
  public boolean replace(K key, V oldValue, V newValue) {
    for (; ; ) {
      Generation<K, V> g = current;
      int ticket = g.enter();
      if (ticket != Generation.RETRY) {
        try {
          return g.part(key).replace(key, oldValue, newValue);
        } finally {
          g.exit(ticket);
        }
      }
    }
  }

  /** {@inheritDoc} Atomic, like {@link ConcurrentHashMap#replace(Object, Object)}. */
  @Override
  public @Nullable V replace(K key, V value) {
    for (; ; ) {
      Generation<K, V> g = current;
      int ticket = g.enter();
      if (ticket != Generation.RETRY) {
        try {
          return g.part(key).replace(key, value);
        } finally {
          g.exit(ticket);
        }
      }
    }
  }

  /**
   * {@inheritDoc} Atomic, like {@link ConcurrentHashMap#computeIfAbsent(Object, Function)}: the
   * function runs at most once, while a clear, drain or swap that starts meanwhile waits for it.
   */
  @Override
  public @PolyNull V computeIfAbsent(
      K key, Function<? super K, ? extends @PolyNull V> mappingFunction) {
    Objects.requireNonNull(mappingFunction);
    for (; ; ) {
      Generation<K, V> g = current;
      // A present key makes this a read (the memoising-cache hit), which needs no registration.
      V present = g.lookup(key);
      if (present != null) {
        return present;
      }
      int ticket = g.enter();
      if (ticket != Generation.RETRY) {
        try {
          return g.part(key).computeIfAbsent(key, mappingFunction);
        } finally {
          g.exit(ticket);
        }
      }
    }
  }

  /**
   * {@inheritDoc} Atomic, like {@link ConcurrentHashMap#computeIfPresent(Object, BiFunction)}: the
   * function runs at most once, while a clear, drain or swap that starts meanwhile waits for it.
   */
  // Map's and ConcurrentMap's annotated-JDK stubs disagree here (Map: nullable result and
  // argument; ConcurrentMap: polymorphic), so no signature satisfies both; this one is
  // ConcurrentHashMap's, whose behaviour it has.
  @SuppressWarnings("nullness:override")
  @Override
  public @PolyNull V computeIfPresent(
      K key, BiFunction<? super K, ? super V, ? extends @PolyNull V> remappingFunction) {
    for (; ; ) {
      Generation<K, V> g = current;
      int ticket = g.enter();
      if (ticket != Generation.RETRY) {
        try {
          return g.part(key).computeIfPresent(key, remappingFunction);
        } finally {
          g.exit(ticket);
        }
      }
    }
  }

  /**
   * {@inheritDoc} Atomic, like {@link ConcurrentHashMap#compute(Object, BiFunction)}: the function
   * runs exactly once, while a clear, drain or swap that starts meanwhile waits for it.
   */
  // Map's and ConcurrentMap's annotated-JDK stubs disagree here (Map: nullable result and
  // argument; ConcurrentMap: polymorphic), so no signature satisfies both; this one is
  // ConcurrentHashMap's, whose behaviour it has.
  @SuppressWarnings("nullness:override")
  @Override
  public @PolyNull V compute(
      K key, BiFunction<? super K, ? super @Nullable V, ? extends @PolyNull V> remappingFunction) {
    for (; ; ) {
      Generation<K, V> g = current;
      int ticket = g.enter();
      if (ticket != Generation.RETRY) {
        try {
          return g.part(key).compute(key, remappingFunction);
        } finally {
          g.exit(ticket);
        }
      }
    }
  }

  /**
   * {@inheritDoc} Atomic, like {@link ConcurrentHashMap#merge(Object, Object, BiFunction)}: the
   * function runs at most once, while a clear, drain or swap that starts meanwhile waits for it.
   */
  // Map's and ConcurrentMap's annotated-JDK stubs disagree here (Map: nullable result and
  // argument; ConcurrentMap: polymorphic), so no signature satisfies both; this one is
  // ConcurrentHashMap's, whose behaviour it has.
  @SuppressWarnings("nullness:override")
  @Override
  public @PolyNull V merge(
      K key, V value, BiFunction<? super V, ? super V, ? extends @PolyNull V> remappingFunction) {
    for (; ; ) {
      Generation<K, V> g = current;
      int ticket = g.enter();
      if (ticket != Generation.RETRY) {
        try {
          return g.part(key).merge(key, value, remappingFunction);
        } finally {
          g.exit(ticket);
        }
      }
    }
  }

  // ---------------------------------------------------------------- multi-entry writes

  /**
   * {@inheritDoc} <em>Weakly consistent</em>: readers may see some of the entries before others,
   * but a concurrent clear, drain or swap never splits the call: all its entries land in the same
   * contents.
   */
  @Override
  public void putAll(Map<? extends K, ? extends V> entries) {
    for (; ; ) {
      Generation<K, V> g = current;
      int ticket = g.enter();
      if (ticket != Generation.RETRY) {
        try {
          g.putEach(entries);
          return;
        } finally {
          g.exit(ticket);
        }
      }
    }
  }

  /**
   * {@inheritDoc} <em>Weakly consistent</em>: each entry is replaced atomically, one at a time, by
   * a value computed from its current one, and entries written concurrently may or may not be
   * visited.
   */
  @Override
  public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
    Objects.requireNonNull(function);
    // Not one registration around the whole walk: that would make a drain wait for O(n) calls of
    // a user function. Each replacement is an ordinary conditional write instead.
    current
        .contents()
        .forEach(
            (key, seen) -> {
              for (V expected = seen; ; ) {
                V replacement = Objects.requireNonNull(function.apply(key, expected));
                if (replace(key, expected, replacement)) {
                  return;
                }
                V now = get(key);
                if (now == null) {
                  return;
                }
                expected = now;
              }
            });
  }

  // ---------------------------------------------------------------- views

  /**
   * {@inheritDoc} The set writes through; iteration is <em>weakly consistent</em> and walks the
   * contents current when the iterator was created; removals are atomic {@code remove(key, value)}
   * calls on the current contents; {@code add} is not supported.
   */
  @SuppressWarnings("keyfor") // see KEYFOR_FACTS
  @Override
  public Set<K> keySet() {
    return new KeyView();
  }

  /**
   * {@inheritDoc} The collection writes through; iteration is <em>weakly consistent</em> and walks
   * the contents current when the iterator was created; removals are atomic {@code remove(key,
   * value)} calls on the current contents; {@code add} is not supported.
   */
  @Override
  public Collection<V> values() {
    return new ValueView();
  }

  /**
   * {@inheritDoc} The set and its entries write through; iteration is <em>weakly consistent</em>
   * and walks the contents current when the iterator was created; removals are atomic {@code
   * remove(key, value)} calls and {@code setValue} an atomic {@code put} on the current contents;
   * {@code add} is not supported.
   */
  @SuppressWarnings("keyfor") // see KEYFOR_FACTS
  @Override
  public Set<Map.Entry<K, V>> entrySet() {
    return new EntryView();
  }

  // ---------------------------------------------------------------- Object

  /** {@inheritDoc} <em>Weakly consistent</em>: compares the contents current when called. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o == this || current.contents().equals(o);
  }

  /** {@inheritDoc} <em>Weakly consistent</em>: hashes the contents current when called. */
  @Override
  public int hashCode() {
    return current.contents().hashCode();
  }

  /** {@inheritDoc} <em>Weakly consistent</em>: prints the contents current when called. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder().append('{');
    String separator = "";
    for (Map.Entry<K, V> e : current.contents().entrySet()) {
      s.append(separator).append(selfSafe(e.getKey())).append('=').append(selfSafe(e.getValue()));
      separator = ", ";
    }
    return s.append('}').toString();
  }

  /**
   * Whether {@code map} maps the key of entry {@code o} to its value: a lookup, for the entry sets'
   * {@code contains}. False for a non-entry or a null key or value, which these maps cannot hold.
   */
  private static boolean holdsEntry(Map<?, ?> map, @Nullable Object o) {
    if (!(o instanceof Map.Entry<?, ?>)) {
      return false;
    }
    Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
    Object key = e.getKey();
    Object value = e.getValue();
    return key != null && value != null && value.equals(map.get(key));
  }

  private Object selfSafe(Object o) {
    return o == this ? "(this Map)" : o;
  }

  // ---------------------------------------------------------------- serialization

  /**
   * Writes the entries only, as key, value, ..., null: the gate and generation are run-time state
   * that a deserialized map builds afresh. <em>Weakly consistent</em>, like iteration.
   *
   * @serialData each key and value, followed by a null
   */
  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    for (Map.Entry<K, V> e : current.contents().entrySet()) {
      out.writeObject(e.getKey());
      out.writeObject(e.getValue());
    }
    out.writeObject(null);
  }

  @SuppressWarnings("unchecked") // the stream was written by writeObject from a SnapshotMap<K, V>
  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    if (expectedSize < 0) {
      throw new InvalidObjectException("expectedSize < 0: " + expectedSize);
    }
    Generation<K, V> first = newGeneration();
    for (Object key; (key = in.readObject()) != null; ) {
      Object value = in.readObject();
      if (value == null) {
        throw new InvalidObjectException("null value for key " + key);
      }
      first.part(key).put((K) key, (V) value);
    }
    current = first;
  }

  // ---------------------------------------------------------------- internals

  /**
   * One set of contents plus the gate its writers pass. Extends ConcurrentHashMap rather than
   * holding one so that a read is a single dependent load after {@code current}. A generation sized
   * for more than {@link #SEGMENT_ENTRIES} entries is a {@link SegmentedGeneration}.
   */
  private static class Generation<K extends @NonNull Object, V extends @NonNull Object>
      extends ConcurrentHashMap<K, V> {
    private static final long serialVersionUID = 1L;

    /** What {@link #enter} returns when this generation is sealed: retry on the current one. */
    static final int RETRY = 0;

    /** Reads and writes the announcement slots and the fallback counters, all longs. */
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private static final int CPUS = Math.max(1, Runtime.getRuntime().availableProcessors());

    /** 16 longs, 128 bytes, between announcement slots: a cache line and the one paired with it. */
    private static final int SLOT_STRIDE = 16;

    /** Enough slots that running writers rarely share one; the retiring thread reads them all. */
    private static final int SLOT_COUNT = powerOfTwoIn(CPUS * 8, 16, 128);

    private static final int SLOT_SHIFT = Long.SIZE - Integer.numberOfTrailingZeros(SLOT_COUNT);

    /** What an announcement slot holds while no writer has it: no generation has id 0. */
    private static final long FREE = 0L;

    /**
     * Announcement slots shared by every SnapshotMap in the JVM, at SLOT_STRIDE, 2 * SLOT_STRIDE,
     * ...; index 0 is padding. A slot holds the {@link #id} of the generation its writer is
     * writing, or {@link #FREE}. Longs rather than references: a reference stored into this shared
     * (old) array runs the collector's write barrier, which for G1 is a StoreLoad fence and a card
     * mark whenever the stored object lies in another region, a second fence per write.
     */
    private static final long[] ANNOUNCED = new long[(SLOT_COUNT + 1) * SLOT_STRIDE];

    /** Hands out generation ids, 1 and up; one per clear, drain or swap, so a long never wraps. */
    private static final AtomicLong IDS = new AtomicLong();

    /** 128 bytes between fallback counters. */
    private static final int CELL_STRIDE = 16;

    private static final int CELL_COUNT = powerOfTwoIn(CPUS * 2, 4, 64);

    private static final int CELL_SHIFT = Long.SIZE - Integer.numberOfTrailingZeros(CELL_COUNT);

    /**
     * Fallback count of in-flight writers whose slot was taken, per stripe, at CELL_STRIDE, 2 *
     * CELL_STRIDE, ...; index 0 is padding.
     */
    private final transient long[] inFlight = new long[(CELL_COUNT + 1) * CELL_STRIDE];

    private transient volatile boolean sealed;

    /** What this generation's writers announce; unique among the generations of the JVM. */
    private final transient long id = IDS.incrementAndGet();

    /**
     * The most entries a generation keeps in its own table, and the most each segment is sized for:
     * ConcurrentHashMap gives 2^14 entries a table of 2^15 references, 128 KB with compressed
     * references and 256 KB without, below half of G1's smallest region (1 MB), so every table is
     * an ordinary young object rather than a humongous one.
     */
    static final int SEGMENT_ENTRIES = 1 << Segments.LOW_BITS;

    Generation() {}

    private Generation(int expectedSize) {
      super(expectedSize);
    }

    /**
     * A generation for {@code expectedSize} entries: its own table up to {@link #SEGMENT_ENTRIES}
     * (0 means ConcurrentHashMap's default table, which its sizing constructor cannot express),
     * segments past that.
     */
    static <K extends @NonNull Object, V extends @NonNull Object> Generation<K, V> sizedFor(
        int expectedSize) {
      if (expectedSize == 0) {
        return new Generation<>();
      }
      // Through a factory typed Generation, so that verifying this method does not load the
      // subclass: until a map needs segments, no loaded class overrides the methods below, and
      // the JIT calls them without a type check.
      return expectedSize <= SEGMENT_ENTRIES
          ? new Generation<>(expectedSize)
          : SegmentedGeneration.sizedFor(expectedSize);
    }

    /** How many tables hold this generation's entries. */
    int segmentCount() {
      return 1;
    }

    /** How many of those tables exist yet. */
    int segmentsCreated() {
      return 1;
    }

    /** The entries of this generation as one map. */
    Map<K, V> contents() {
      return this;
    }

    /** The value of {@code key}, or null: a read, which needs no registration. */
    @Nullable V lookup(Object key) {
      return get(key);
    }

    /**
     * The table that holds {@code key}'s entry. Only for a writer registered on this generation, or
     * for a generation nobody else can see yet.
     */
    ConcurrentHashMap<K, V> part(Object key) {
      return this;
    }

    /** Puts every entry of {@code entries}; the writer is registered on this generation. */
    void putEach(Map<? extends K, ? extends V> entries) {
      putAll(entries);
    }

    /**
     * Copies {@code contents} into this generation, which nobody else can see yet and which was
     * sized for them. One put per entry: ConcurrentHashMap.putAll would first presize a table that
     * is already large enough to twice the size, allocating and walking a second table.
     */
    void fill(Map<? extends K, ? extends V> contents) {
      contents.forEach(this::put);
    }

    /** The power of two nearest above {@code wanted}, kept within {@code [min, max]}. */
    private static int powerOfTwoIn(int wanted, int min, int max) {
      int p = Integer.highestOneBit(Math.max(1, wanted) * 2 - 1);
      return Math.min(max, Math.max(min, p));
    }

    /**
     * Registers the calling thread as a writer of this generation. Returns the ticket to pass to
     * {@link #exit}, or {@link #RETRY} if the generation is sealed.
     *
     * <p>A positive ticket is the thread's announcement slot, taken by one compare-and-set and
     * given back by a release store; a negative one is the fallback counter the thread incremented
     * because its slot was held (by another thread that hashes to it, or by this thread's own
     * enclosing write, as when a compute function writes another SnapshotMap).
     */
    @SuppressWarnings("deprecation") // Thread.threadId() needs Java 19; getId() is the same value
    int enter() {
      long hash = Thread.currentThread().getId() * GOLDEN;
      int slot = SLOT_STRIDE * (1 + (int) (hash >>> SLOT_SHIFT));
      if (LONGS.compareAndSet(ANNOUNCED, slot, FREE, id)) {
        if (!sealed) {
          return slot;
        }
        LONGS.setRelease(ANNOUNCED, slot, FREE);
        return RETRY;
      }
      int cell = CELL_STRIDE * (1 + (int) (hash >>> CELL_SHIFT));
      LONGS.getAndAdd(inFlight, cell, 1L);
      if (!sealed) {
        return -cell;
      }
      LONGS.getAndAdd(inFlight, cell, -1L);
      return RETRY;
    }

    void exit(int ticket) {
      if (ticket > 0) {
        LONGS.setRelease(ANNOUNCED, ticket, FREE);
      } else {
        LONGS.getAndAdd(inFlight, -ticket, -1L);
      }
    }

    void sealAndAwaitWriters() {
      sealed = true;
      for (int slot = SLOT_STRIDE; slot < ANNOUNCED.length; slot += SLOT_STRIDE) {
        for (int spins = 0; (long) LONGS.getVolatile(ANNOUNCED, slot) == id; spins++) {
          backOff(spins);
        }
      }
      for (int cell = CELL_STRIDE; cell < inFlight.length; cell += CELL_STRIDE) {
        for (int spins = 0; (long) LONGS.getVolatile(inFlight, cell) != 0L; spins++) {
          backOff(spins);
        }
      }
    }

    /** Spins, then yields, then parks briefly: a writer that holds us up may be descheduled. */
    // Yielding to the writer we wait for is the point: on 2 cores a spinning drain would hold the
    // CPU that writer needs to finish its write.
    @SuppressWarnings("ThreadPriorityCheck")
    private static void backOff(int spins) {
      if (spins < 128) {
        Thread.onSpinWait();
      } else if (spins < 256) {
        Thread.yield();
      } else {
        LockSupport.parkNanos(20_000L);
      }
    }
  }

  /**
   * A generation sized for more than {@link Generation#SEGMENT_ENTRIES} entries: they live in a
   * power of two of segments and its own table stays empty (see the design comment). A subclass,
   * loaded only when a map first needs it, so that maps that never do read and write without a
   * check of the layout.
   */
  private static final class SegmentedGeneration<
          K extends @NonNull Object, V extends @NonNull Object>
      extends Generation<K, V> {
    private static final long serialVersionUID = 1L;

    /**
     * Keeps the segment array itself small (16 KB) for absurd expected sizes; past 2^26 entries the
     * segments grow instead.
     */
    private static final int MAX_SEGMENTS = 1 << 12;

    /**
     * Each created by the first write that routes to it (so that a clear() of a map sized for
     * millions allocates one small array, not a table per segment), and chosen by {@link
     * Segments#indexOf}.
     */
    private final @Nullable ConcurrentHashMap<K, V>[] segments;

    /** How many entries each segment is sized for. */
    private final int segmentSize;

    /** The segments as one read-only map. */
    private final Segments<K, V> view;

    @SuppressWarnings(
        "unchecked") // an array of the erased type, holding only ConcurrentHashMap<K, V>
    private SegmentedGeneration(int expectedSize) {
      int count = Generation.powerOfTwoIn(ceilDiv(expectedSize, SEGMENT_ENTRIES), 2, MAX_SEGMENTS);
      this.segments = (@Nullable ConcurrentHashMap<K, V>[]) new ConcurrentHashMap<?, ?>[count];
      this.segmentSize = ceilDiv(expectedSize, count);
      this.view = new Segments<>(segments);
    }

    static <K extends @NonNull Object, V extends @NonNull Object> Generation<K, V> sizedFor(
        int expectedSize) {
      return new SegmentedGeneration<>(expectedSize);
    }

    private static int ceilDiv(int dividend, int divisor) {
      return (int) ((dividend + (long) divisor - 1) / divisor);
    }

    @Override
    int segmentCount() {
      return segments.length;
    }

    @Override
    int segmentsCreated() {
      int created = 0;
      for (int i = 0; i < segments.length; i++) {
        if (Segments.segmentAt(segments, i) != null) {
          created++;
        }
      }
      return created;
    }

    @Override
    Map<K, V> contents() {
      return view;
    }

    @Override
    @Nullable V lookup(Object key) {
      return Segments.lookup(segments, key);
    }

    /** The segment of {@code key}, created if this is its first write. */
    @Override
    ConcurrentHashMap<K, V> part(Object key) {
      int index = Segments.indexOf(key, segments.length);
      ConcurrentHashMap<K, V> segment = Segments.segmentAt(segments, index);
      return segment != null ? segment : createSegment(index);
    }

    private ConcurrentHashMap<K, V> createSegment(int index) {
      ConcurrentHashMap<K, V> created = new ConcurrentHashMap<>(segmentSize);
      // unchecked: the slot holds a segment of this generation or nothing; nullness: the
      // annotated VarHandle stub declares no nullable parameters, but null is the expected value
      @SuppressWarnings({"unchecked", "nullness:argument"})
      ConcurrentHashMap<K, V> witness =
          (ConcurrentHashMap<K, V>)
              Segments.SEGMENT.compareAndExchange(
                  segments, index, (ConcurrentHashMap<K, V>) null, created);
      return witness != null ? witness : created;
    }

    @Override
    void putEach(Map<? extends K, ? extends V> entries) {
      entries.forEach((key, value) -> part(key).put(key, value));
    }

    /** As putEach: each segment is sized already, so there is no putAll presize to avoid. */
    @Override
    void fill(Map<? extends K, ? extends V> contents) {
      putEach(contents);
    }
  }

  /**
   * The entries of a segmented generation as one read-only map (writes go through {@link
   * Generation#part}). Iteration walks the segments in turn, each weakly consistent as
   * ConcurrentHashMap's own iteration is; segments no write has reached are skipped.
   */
  private static final class Segments<K extends @NonNull Object, V extends @NonNull Object>
      extends AbstractMap<K, V> implements Serializable {
    private static final long serialVersionUID = 1L;

    static final VarHandle SEGMENT = MethodHandles.arrayElementVarHandle(ConcurrentHashMap[].class);

    /** The hash bits below the segment index, which a segment's own table uses. */
    static final int LOW_BITS = 14;

    private final @Nullable ConcurrentHashMap<K, V>[] segments;

    Segments(@Nullable ConcurrentHashMap<K, V>[] segments) {
      this.segments = segments;
    }

    /**
     * The segment of {@code key} among {@code count} (a power of two): the bits of
     * ConcurrentHashMap's spread hash from {@link #LOW_BITS} up, folded by exclusive-or in groups
     * of log2(count) bits. Keys below 2^14 * count (ids, counters) then fill one segment after
     * another, each a contiguous range of keys in a contiguous table, the memory locality one
     * ConcurrentHashMap table gives them; and when higher bits vary, so do the segment's own bits
     * 14 and up, which a segment's table uses once it outgrows its plan.
     */
    static int indexOf(Object key, int count) {
      int h = key.hashCode();
      int x = ((h ^ (h >>> 16)) & 0x7fffffff) >>> LOW_BITS;
      int bits = Integer.numberOfTrailingZeros(count);
      // Every group of the 17 bits above LOW_BITS counts: 2 iterations for 64 segments, at most
      // 16 for 2.
      for (int rest = x >>> bits; rest != 0; rest >>>= bits) {
        x ^= rest;
      }
      return x & (count - 1);
    }

    /** Acquire: a segment is published by compare-and-set after its construction. */
    @SuppressWarnings("unchecked") // SEGMENT reads ConcurrentHashMap<K, V> elements
    static <K extends @NonNull Object, V extends @NonNull Object>
        @Nullable ConcurrentHashMap<K, V> segmentAt(@Nullable ConcurrentHashMap<K, V>[] s, int i) {
      return (ConcurrentHashMap<K, V>) SEGMENT.getAcquire(s, i);
    }

    /**
     * The value of {@code key} in {@code s}, or null; a null key throws NullPointerException, as
     * ConcurrentHashMap.get does.
     */
    static <K extends @NonNull Object, V extends @NonNull Object> @Nullable V lookup(
        @Nullable ConcurrentHashMap<K, V>[] s, Object key) {
      ConcurrentHashMap<K, V> segment = segmentAt(s, indexOf(key, s.length));
      return segment == null ? null : segment.get(key);
    }

    @Override
    public @Nullable V get(Object key) {
      return lookup(segments, key);
    }

    @SuppressWarnings("keyfor") // see KEYFOR_FACTS
    @Override
    public boolean containsKey(Object key) {
      return get(key) != null;
    }

    @Override
    public boolean containsValue(Object value) {
      Objects.requireNonNull(value); // as ConcurrentHashMap.containsValue
      for (int i = 0; i < segments.length; i++) {
        ConcurrentHashMap<K, V> segment = segmentAt(segments, i);
        if (segment != null && segment.containsValue(value)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public int size() {
      long total = 0;
      for (int i = 0; i < segments.length; i++) {
        ConcurrentHashMap<K, V> segment = segmentAt(segments, i);
        if (segment != null) {
          total += segment.mappingCount();
        }
      }
      return (int) Math.min(total, Integer.MAX_VALUE);
    }

    @Override
    public boolean isEmpty() {
      for (int i = 0; i < segments.length; i++) {
        ConcurrentHashMap<K, V> segment = segmentAt(segments, i);
        if (segment != null && !segment.isEmpty()) {
          return false;
        }
      }
      return true;
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
      Objects.requireNonNull(action);
      for (int i = 0; i < segments.length; i++) {
        ConcurrentHashMap<K, V> segment = segmentAt(segments, i);
        if (segment != null) {
          segment.forEach(action);
        }
      }
    }

    @SuppressWarnings("keyfor") // see KEYFOR_FACTS
    @Override
    public Set<Map.Entry<K, V>> entrySet() {
      return new AbstractSet<Map.Entry<K, V>>() {
        @Override
        public Iterator<Map.Entry<K, V>> iterator() {
          return new SegmentsIterator();
        }

        @Override
        public int size() {
          return Segments.this.size();
        }

        @Override
        public boolean isEmpty() {
          return Segments.this.isEmpty();
        }

        /** A lookup, not AbstractCollection's walk: equals and containsAll call it per entry. */
        @Override
        public boolean contains(@Nullable Object o) {
          return holdsEntry(Segments.this, o);
        }
      };
    }

    /**
     * The entries of each segment in turn. Nothing writes through them: the map's own iterators
     * copy each entry, and drain() and swap() hand the view out unmodifiable.
     */
    private final class SegmentsIterator implements Iterator<Map.Entry<K, V>> {
      private int next;
      private Iterator<Map.Entry<K, V>> entries = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!entries.hasNext()) {
          if (next == segments.length) {
            return false;
          }
          ConcurrentHashMap<K, V> segment = segmentAt(segments, next++);
          if (segment != null) {
            entries = segment.entrySet().iterator();
          }
        }
        return true;
      }

      @Override
      public Map.Entry<K, V> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return entries.next();
      }
    }
  }

  private final class KeyView extends AbstractSet<K> {
    @Override
    public Iterator<K> iterator() {
      return new SnapshotIterator<K>() {
        @Override
        public K next() {
          return nextEntry().getKey();
        }
      };
    }

    @Override
    public int size() {
      return SnapshotMap.this.size();
    }

    @Override
    public boolean isEmpty() {
      return SnapshotMap.this.isEmpty();
    }

    @Override
    public boolean contains(@Nullable Object o) {
      return o != null && containsKey(o);
    }

    @Override
    public boolean remove(@Nullable Object o) {
      return o != null && SnapshotMap.this.remove(o) != null;
    }

    @Override
    public void clear() {
      SnapshotMap.this.clear();
    }
  }

  private final class ValueView extends AbstractCollection<V> {
    @Override
    public Iterator<V> iterator() {
      return new SnapshotIterator<V>() {
        @Override
        public V next() {
          return nextEntry().getValue();
        }
      };
    }

    @Override
    public int size() {
      return SnapshotMap.this.size();
    }

    @Override
    public boolean isEmpty() {
      return SnapshotMap.this.isEmpty();
    }

    @Override
    public boolean contains(@Nullable Object o) {
      return o != null && containsValue(o);
    }

    @Override
    public void clear() {
      SnapshotMap.this.clear();
    }
  }

  private final class EntryView extends AbstractSet<Map.Entry<K, V>> {
    @Override
    public Iterator<Map.Entry<K, V>> iterator() {
      return new SnapshotIterator<Map.Entry<K, V>>() {
        @Override
        public Map.Entry<K, V> next() {
          return nextEntry();
        }
      };
    }

    @Override
    public int size() {
      return SnapshotMap.this.size();
    }

    @Override
    public boolean isEmpty() {
      return SnapshotMap.this.isEmpty();
    }

    @Override
    public boolean contains(@Nullable Object o) {
      return holdsEntry(SnapshotMap.this, o);
    }

    @Override
    public boolean remove(@Nullable Object o) {
      if (!(o instanceof Map.Entry<?, ?>)) {
        return false;
      }
      Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
      Object key = e.getKey();
      Object value = e.getValue();
      return key != null && value != null && SnapshotMap.this.remove(key, value);
    }

    @Override
    public void clear() {
      SnapshotMap.this.clear();
    }
  }

  /** Walks one generation; writes go back through the map, to whichever generation is current. */
  private abstract class SnapshotIterator<T> implements Iterator<T> {
    private final Iterator<Map.Entry<K, V>> entries = current.contents().entrySet().iterator();
    private @Nullable WriteThroughEntry last;

    @Override
    public final boolean hasNext() {
      return entries.hasNext();
    }

    final WriteThroughEntry nextEntry() {
      Map.Entry<K, V> e = entries.next();
      WriteThroughEntry w = new WriteThroughEntry(e.getKey(), e.getValue());
      last = w;
      return w;
    }

    @Override
    public final void remove() {
      WriteThroughEntry e = last;
      if (e == null) {
        throw new IllegalStateException("next() not called, or remove() already called");
      }
      last = null;
      SnapshotMap.this.remove(e.getKey(), e.getValue());
    }
  }

  private final class WriteThroughEntry implements Map.Entry<K, V> {
    private final K key;
    private V value;

    WriteThroughEntry(K key, V value) {
      this.key = key;
      this.value = value;
    }

    @Override
    public K getKey() {
      return key;
    }

    @Override
    public V getValue() {
      return value;
    }

    /** Puts {@code newValue} into the map (atomic) and returns the value this entry held. */
    @Override
    public V setValue(V newValue) {
      Objects.requireNonNull(newValue);
      put(key, newValue);
      V previous = value;
      value = newValue;
      return previous;
    }

    @Override
    public boolean equals(@Nullable Object o) {
      if (!(o instanceof Map.Entry<?, ?>)) {
        return false;
      }
      Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
      return key.equals(e.getKey()) && value.equals(e.getValue());
    }

    @Override
    public int hashCode() {
      return key.hashCode() ^ value.hashCode();
    }

    @Override
    public String toString() {
      return key + "=" + value;
    }
  }
}
