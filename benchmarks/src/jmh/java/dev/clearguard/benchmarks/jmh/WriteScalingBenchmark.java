package dev.clearguard.benchmarks.jmh;

import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 * {@code put} over existing keys from 1, 2 and 4 threads sharing one map of 2^14 entries,
 * SnapshotMap against ConcurrentHashMap in the same run. Each thread walks the keys in its own
 * random order, so threads write different keys most of the time and the same bin now and then.
 * Scores are the total over all threads. On a 2-core machine the 4-thread case is oversubscribed:
 * it shows what descheduling a writer in the middle of a write costs (for SnapshotMap, another
 * thread may then find the announcement slot it hashes to taken and fall back to the striped
 * counter).
 *
 * <p>Run: {@code ./mvnw -q -Pjmh -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/jmh/benchmarks.jar WriteScalingBenchmark}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class WriteScalingBenchmark {

  static final int SIZE = 1 << 14;
  private static final int MASK = SIZE - 1;

  @Param({Maps.CHM, Maps.SNAPSHOT_MAP})
  public String impl;

  private ConcurrentMap<Integer, Integer> map;
  private Integer[] keys;

  @Setup
  public void fill() {
    map = Maps.create(impl, SIZE);
    keys = Maps.keys(0, SIZE);
    for (Integer k : keys) {
      map.put(k, k);
    }
  }

  /** Each thread's own random walk over the keys. */
  @State(Scope.Thread)
  public static class Walk {
    private static final AtomicLong SEEDS = new AtomicLong(7);

    int[] order;
    int i;

    @Setup
    public void shuffle() {
      order = Maps.shuffled(SIZE, SEEDS.getAndIncrement());
    }

    int next() {
      return order[i++ & MASK];
    }
  }

  private Integer put(Walk w) {
    Integer k = keys[w.next()];
    return map.put(k, k);
  }

  @Benchmark
  @Threads(1)
  public Integer put1Thread(Walk w) {
    return put(w);
  }

  @Benchmark
  @Threads(2)
  public Integer put2Threads(Walk w) {
    return put(w);
  }

  @Benchmark
  @Threads(4)
  public Integer put4Threads(Walk w) {
    return put(w);
  }
}
