package dev.clearguard.benchmarks.jmh;

import dev.clearguard.runtime.SnapshotMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole-map operations at 10^3 and 10^6 entries: SnapshotMap's {@code clear()}, {@code drain()} and
 * {@code swap(..)} against {@code ConcurrentHashMap.clear()} and the hand-written ConcurrentHashMap
 * code ClearGuard reports (iterate-and-remove, clear-then-putAll) or that people write for a drain
 * (copy, then clear).
 *
 * <p>Every operation empties or replaces the map, so each invocation needs a full map again. The
 * states refill it in {@code @Setup(Level.Invocation)}, which JMH runs outside the timed region:
 * with invocation-level fixtures it timestamps every call on its own. That costs two {@code
 * System.nanoTime()} calls (some tens of ns) per invocation, which is noise against a
 * ConcurrentHashMap walk of 10^3 or 10^6 entries but is most of what an O(1) SnapshotMap clear or
 * drain measures here: those scores are upper bounds, so the ratios to ConcurrentHashMap are
 * conservative. At 10^6 the refill also leaves caches and TLBs cold, which adds microseconds to
 * whatever is timed next; {@code floor_afterRefill} times an empty call under the same conditions.
 * Measuring batches instead would need a pool of full maps, which at 10^6 entries does not fit a
 * sensible heap. Refilling writes 10^6 entries (tens of ms), so an iteration holds few invocations;
 * the errors are wide accordingly.
 *
 * <p>Warm-up: at 10^6 entries a refill takes tens of ms, so a short run calls each operation only
 * some dozens of times, too few for the JIT (C2 compiles after thousands of calls). Without help,
 * SnapshotMap's O(1) operations ran interpreted at 10^6 and compiled at 10^3 ({@code
 * -XX:+PrintCompilation} showed no compilation of {@code SnapshotMap::clear}, {@code retire} or
 * {@code sealAndAwaitWriters}), while ConcurrentHashMap's walks were OSR-compiled inside their
 * loops. So each state first runs every operation of its map class {@value #WARM_UP_CALLS} times on
 * a small map of the same types, through the same static methods the benchmarks call; both maps get
 * the same treatment, and every score is of JIT-compiled code. SnapshotMap's small map is sized
 * like the measured one up to the size where SnapshotMap switches to segments ({@link
 * Maps#sameLayoutAs}), so that at 10^6 the warm-up runs the segmented code it measures.
 *
 * <p>The refilled map is the same instance each time, as for a long-lived cache. Both maps are
 * presized for {@code size}; ConcurrentHashMap keeps its table across clear(), SnapshotMap starts a
 * presized generation. Garbage is not free for either: both leave every old node to the collector
 * (SnapshotMap its old table too), and that cost lands in the untimed refill. Per-op allocation
 * from {@code -prof gc} includes the refill and is therefore not a property of these operations.
 *
 * <p>The heap is fixed at 3 GB and touched when the JVM starts ({@code -XX:+AlwaysPreTouch}), for
 * both maps. Without that, the first use of each heap page is paid inside the measurement (on this
 * project's VMs, where the host backs guest memory on first touch, tens of ms per iteration): a map
 * whose garbage spreads over more of the heap pays more of it during a 10-second fork, although a
 * long-running service pays it once. An atomic swap does spread further, since the old and the new
 * contents are both live while the new ones are built, and a young collection that meets both
 * promotes what its survivor space cannot hold; docs/benchmarks.md gives the swap measured both
 * ways. Override with {@code -jvmArgsAppend "-Xms3g -Xmx3g"} (which replaces this list) to include
 * the first touch.
 *
 * <p>Run: {@code ./mvnw -q -Pjmh -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/jmh/benchmarks.jar WholeMapBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
public class WholeMapBenchmark {

  static final int WARM_UP_CALLS = 20_000;
  private static final int WARM_UP_SIZE = 16;

  /** The map size and the keys, shared by both states. */
  @State(Scope.Benchmark)
  public static class Size {
    @Param({"1000", "1000000"})
    public int size;

    Integer[] keys;

    /** What swap and clear-then-putAll install: the same keys, built once. */
    Map<Integer, Integer> fresh;

    @Setup
    public void keys() {
      keys = Maps.keys(0, size);
      fresh = freshContents(keys);
    }
  }

  static Map<Integer, Integer> freshContents(Integer[] keys) {
    Map<Integer, Integer> fresh = new HashMap<>(keys.length * 2);
    for (Integer k : keys) {
      fresh.put(k, -k);
    }
    return fresh;
  }

  static void iterateRemove(Map<Integer, Integer> map) {
    for (Iterator<Integer> it = map.keySet().iterator(); it.hasNext(); ) {
      it.next();
      it.remove();
    }
  }

  static Map<Integer, Integer> copyThenClear(Map<Integer, Integer> map) {
    Map<Integer, Integer> copy = new HashMap<>(map);
    map.clear();
    return copy;
  }

  static void clearThenPutAll(Map<Integer, Integer> map, Map<Integer, Integer> fresh) {
    map.clear();
    map.putAll(fresh);
  }

  @State(Scope.Thread)
  public static class Chm {
    ConcurrentHashMap<Integer, Integer> map;

    @Setup(Level.Trial)
    public void create(Size s) {
      ConcurrentHashMap<Integer, Integer> small = new ConcurrentHashMap<>(WARM_UP_SIZE);
      Map<Integer, Integer> smallFresh = freshContents(Maps.keys(0, WARM_UP_SIZE));
      for (int i = 0; i < WARM_UP_CALLS; i++) {
        smallFresh.forEach(small::put);
        small.clear();
        smallFresh.forEach(small::put);
        iterateRemove(small);
        smallFresh.forEach(small::put);
        copyThenClear(small);
        clearThenPutAll(small, smallFresh);
      }
      map = new ConcurrentHashMap<>(s.size);
    }

    @Setup(Level.Invocation)
    public void refill(Size s) {
      for (Integer k : s.keys) {
        map.put(k, k);
      }
    }
  }

  @State(Scope.Thread)
  public static class Snapshot {
    SnapshotMap<Integer, Integer> map;

    @Setup(Level.Trial)
    public void create(Size s) {
      SnapshotMap<Integer, Integer> small = new SnapshotMap<>(Maps.sameLayoutAs(s.size));
      Map<Integer, Integer> smallFresh = freshContents(Maps.keys(0, WARM_UP_SIZE));
      for (int i = 0; i < WARM_UP_CALLS; i++) {
        smallFresh.forEach(small::put);
        small.clear();
        smallFresh.forEach(small::put);
        small.drain();
        small.swap(smallFresh);
      }
      map = new SnapshotMap<>(s.size);
    }

    @Setup(Level.Invocation)
    public void refill(Size s) {
      for (Integer k : s.keys) {
        map.put(k, k);
      }
    }
  }

  /**
   * The harness floor: nothing but the timed call itself, right after the same refill. A 10^6
   * refill leaves caches and TLBs cold for the timed region, so even this costs microseconds there;
   * any O(1) operation measured at that size includes it.
   */
  @Benchmark
  public Object floor_afterRefill(Chm m) {
    return m.map;
  }

  @Benchmark
  public Object clear_snapshotMap(Snapshot m) {
    m.map.clear();
    return m.map;
  }

  @Benchmark
  public Object clear_chm(Chm m) {
    m.map.clear();
    return m.map;
  }

  /** The IterateRemoveClear anti-pattern: every entry removed one by one. */
  @Benchmark
  public Object clear_chmIterateRemove(Chm m) {
    iterateRemove(m.map);
    return m.map;
  }

  @Benchmark
  public Map<Integer, Integer> drain_snapshotMap(Snapshot m) {
    return m.map.drain();
  }

  /** The usual hand-written drain: copy, then clear (loses writes that land in between). */
  @Benchmark
  public Map<Integer, Integer> drain_chmCopyThenClear(Chm m) {
    return copyThenClear(m.map);
  }

  @Benchmark
  public Map<Integer, Integer> swap_snapshotMap(Snapshot m, Size s) {
    return m.map.swap(s.fresh);
  }

  /** The ClearThenRefill anti-pattern: readers see an empty, then a partial map. */
  @Benchmark
  public Object swap_chmClearThenPutAll(Chm m, Size s) {
    clearThenPutAll(m.map, s.fresh);
    return m.map;
  }
}
