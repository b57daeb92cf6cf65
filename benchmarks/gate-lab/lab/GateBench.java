package lab;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.*;

@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class GateBench {
  static final int SIZE = 1 << 14, MASK = SIZE - 1;
  @Param({"chm", "chmWrapped", "real", "striped", "slotCas", "slotFree", "slotLong", "slotTl", "noFence", "fenceOnly", "layoutNone", "layoutField", "layoutClass"})
  public String impl;
  Gates.M map;
  Integer[] keys;

  @Setup public void fill() {
    map = Gates.create(impl, SIZE);
    keys = new Integer[SIZE];
    for (int i = 0; i < SIZE; i++) { keys[i] = i; map.put(keys[i], keys[i]); }
  }

  @State(Scope.Thread)
  public static class Cursor {
    static final AtomicLong SEEDS = new AtomicLong(42);
    int[] order; int i;
    @Setup public void shuffle() {
      order = new int[SIZE];
      for (int j = 0; j < SIZE; j++) order[j] = j;
      Random r = new Random(SEEDS.getAndIncrement());
      for (int j = SIZE - 1; j > 0; j--) { int x = r.nextInt(j + 1); int t = order[j]; order[j] = order[x]; order[x] = t; }
    }
    int next() { return order[i++ & MASK]; }
  }

  @Benchmark public Integer put(Cursor c) { Integer k = keys[c.next()]; return map.put(k, k); }
  @Benchmark @Threads(2) public Integer put2(Cursor c) { Integer k = keys[c.next()]; return map.put(k, k); }
  @Benchmark public Integer get(Cursor c) { return map.get(keys[c.next()]); }
  Integer[] absent;
  @Setup public void absent() { absent = new Integer[SIZE]; for (int i = 0; i < SIZE; i++) absent[i] = SIZE + i; }
  @Benchmark public Integer getMiss(Cursor c) { return map.get(absent[c.next()]); }
}
