package dev.clearguard.benchmarks.jmh;

import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-key operations, SnapshotMap against ConcurrentHashMap in the same run: {@code get} of a
 * present and of an absent key, {@code put} over an existing key, {@code remove} of a present key
 * (put back at once, see {@link #remove}), {@code computeIfAbsent} of a present key (the memoising
 * cache hit), {@code merge} into a present key, and a 90% {@code get} / 10% {@code put} mix on two
 * threads sharing the map.
 *
 * <p>SnapshotMap reads add one volatile load to ConcurrentHashMap's; its writes add one
 * compare-and-set of the thread's announcement slot, a volatile load and a release store. The map
 * holds 2^14 entries (well past L1, inside L2); keys are boxed once and visited in a per-thread
 * random order. Each {@code impl} runs in its own fork, so every call site sees one receiver class.
 * Puts overwrite existing keys, so the size is steady.
 *
 * <p>Run: {@code ./mvnw -q -Pjmh -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/jmh/benchmarks.jar MapReadWriteBenchmark -prof gc}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class MapReadWriteBenchmark {

  static final int SIZE = 1 << 14;
  private static final int MASK = SIZE - 1;

  @Param({Maps.CHM, Maps.SNAPSHOT_MAP})
  public String impl;

  private ConcurrentMap<Integer, Integer> map;
  private Integer[] present;
  private Integer[] absent;

  @Setup
  public void fill() {
    map = Maps.create(impl, SIZE);
    present = Maps.keys(0, SIZE);
    absent = Maps.keys(SIZE, SIZE);
    for (Integer k : present) {
      map.put(k, k);
    }
  }

  /** Where each thread is in its own random walk over the keys, and which steps write. */
  @State(Scope.Thread)
  public static class Cursor {
    /** Distinct seeds, so the two threads of the mix walk differently, and reproducible runs. */
    private static final AtomicLong SEEDS = new AtomicLong(42);

    int[] order;
    boolean[] writes;
    int i;

    @Setup
    public void shuffle() {
      long seed = SEEDS.getAndIncrement();
      order = Maps.shuffled(SIZE, seed);
      // Exactly one step in ten writes, at random positions: no pattern for the branch predictor
      // beyond the 90/10 split itself.
      int[] positions = Maps.shuffled(SIZE, ~seed);
      writes = new boolean[SIZE];
      for (int n = 0; n < SIZE / 10; n++) {
        writes[positions[n]] = true;
      }
    }

    int next() {
      return i++ & MASK;
    }
  }

  @Benchmark
  public Integer getHit(Cursor c) {
    return map.get(present[c.order[c.next()]]);
  }

  @Benchmark
  public Integer getMiss(Cursor c) {
    return map.get(absent[c.order[c.next()]]);
  }

  @Benchmark
  public Integer put(Cursor c) {
    Integer k = present[c.order[c.next()]];
    return map.put(k, k);
  }

  /**
   * Removes a present key and puts it back, so that the map stays full: one score is a remove plus
   * an insert into the emptied bin, for both maps.
   */
  @Benchmark
  public Integer remove(Cursor c) {
    Integer k = present[c.order[c.next()]];
    Integer removed = map.remove(k);
    map.put(k, k);
    return removed;
  }

  private static final Function<Integer, Integer> IDENTITY = k -> k;

  /** A present key: the function never runs, the hit of a memoising cache. */
  @Benchmark
  public Integer computeIfAbsent(Cursor c) {
    return map.computeIfAbsent(present[c.order[c.next()]], IDENTITY);
  }

  /** Keeps the given value, so that no benchmark measures boxing a sum. */
  private static final BiFunction<Integer, Integer, Integer> KEEP_NEW = (old, given) -> given;

  /** A present key: the function runs under the bin lock and its result is written. */
  @Benchmark
  public Integer merge(Cursor c) {
    Integer k = present[c.order[c.next()]];
    return map.merge(k, k, KEEP_NEW);
  }

  @Benchmark
  @Threads(2)
  public Integer mixed90Read10Write(Cursor c) {
    int step = c.next();
    Integer k = present[c.order[step]];
    return c.writes[step] ? map.put(k, k) : map.get(k);
  }
}
