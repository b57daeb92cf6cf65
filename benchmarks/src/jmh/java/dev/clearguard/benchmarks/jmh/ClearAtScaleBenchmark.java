package dev.clearguard.benchmarks.jmh;

import dev.clearguard.runtime.SnapshotMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code clear()} of maps holding 10^6 entries, {@link #MAPS} maps per timed shot: SnapshotMap's
 * O(1) clear against {@code ConcurrentHashMap.clear()}, which walks every bin.
 *
 * <p>{@link WholeMapBenchmark} times each clear on its own, right after refilling the map; at 10^6
 * entries its empty-call floor is about 10 µs, which is most of what an O(1) clear measures there.
 * Here every map is refilled before the iteration ({@code @Setup(Level.Iteration)}, untimed), and
 * one shot clears all of them; the score is per map ({@code @OperationsPerInvocation}), so the
 * harness's fixed cost is shared by {@value #MAPS} clears instead of charged to one. Each clear
 * still meets a map the refills left out of the caches, as a long-lived map cleared now and then
 * does. {@code floor} times the same shot with nothing in it.
 *
 * <p>Run: {@code ./mvnw -q -Pjmh -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/jmh/benchmarks.jar ClearAtScaleBenchmark}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 20)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@OperationsPerInvocation(ClearAtScaleBenchmark.MAPS)
public class ClearAtScaleBenchmark {
  static final int MAPS = 8;
  static final int SIZE = 1_000_000;

  /** The keys, shared by every map. */
  @State(Scope.Benchmark)
  public static class Keys {
    Integer[] keys;

    @Setup
    public void keys() {
      keys = Maps.keys(0, SIZE);
    }
  }

  static void refill(Map<Integer, Integer> map, Integer[] keys) {
    for (Integer k : keys) {
      map.put(k, k);
    }
  }

  @State(Scope.Thread)
  public static class Chm {
    final ConcurrentHashMap<Integer, Integer>[] maps = newArray(MAPS);

    @SuppressWarnings("unchecked")
    private static ConcurrentHashMap<Integer, Integer>[] newArray(int n) {
      return (ConcurrentHashMap<Integer, Integer>[]) new ConcurrentHashMap<?, ?>[n];
    }

    @Setup(Level.Trial)
    public void create() {
      // The same JIT warm-up as WholeMapBenchmark: a shot per iteration calls clear() too rarely
      // for the JIT to compile it.
      ConcurrentHashMap<Integer, Integer> small = new ConcurrentHashMap<>(16);
      Integer[] smallKeys = Maps.keys(0, 16);
      for (int i = 0; i < WholeMapBenchmark.WARM_UP_CALLS; i++) {
        refill(small, smallKeys);
        small.clear();
      }
      for (int i = 0; i < MAPS; i++) {
        maps[i] = new ConcurrentHashMap<>(SIZE);
      }
    }

    @Setup(Level.Iteration)
    public void refillAll(Keys k) {
      for (ConcurrentHashMap<Integer, Integer> map : maps) {
        refill(map, k.keys);
      }
    }
  }

  @State(Scope.Thread)
  public static class Snapshot {
    final SnapshotMap<Integer, Integer>[] maps = newArray(MAPS);

    @SuppressWarnings("unchecked")
    private static SnapshotMap<Integer, Integer>[] newArray(int n) {
      return (SnapshotMap<Integer, Integer>[]) new SnapshotMap<?, ?>[n];
    }

    @Setup(Level.Trial)
    public void create() {
      SnapshotMap<Integer, Integer> small = new SnapshotMap<>(Maps.sameLayoutAs(SIZE));
      Integer[] smallKeys = Maps.keys(0, 16);
      for (int i = 0; i < WholeMapBenchmark.WARM_UP_CALLS; i++) {
        refill(small, smallKeys);
        small.clear();
      }
      for (int i = 0; i < MAPS; i++) {
        maps[i] = new SnapshotMap<>(SIZE);
      }
    }

    @Setup(Level.Iteration)
    public void refillAll(Keys k) {
      for (SnapshotMap<Integer, Integer> map : maps) {
        refill(map, k.keys);
      }
    }
  }

  /** The shot with nothing in it, after the same refills. */
  @Benchmark
  public Object floor(Chm s) {
    return s.maps;
  }

  @Benchmark
  public Object clear_chm(Chm s) {
    for (ConcurrentHashMap<Integer, Integer> map : s.maps) {
      map.clear();
    }
    return s.maps;
  }

  @Benchmark
  public Object clear_snapshotMap(Snapshot s) {
    for (SnapshotMap<Integer, Integer> map : s.maps) {
      map.clear();
    }
    return s.maps;
  }
}
