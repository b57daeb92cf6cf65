package dev.clearguard.benchmarks.jmh;

import dev.clearguard.runtime.SnapshotMap;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The two maps under test, built the same way, and the keys both benchmarks use. */
final class Maps {

  static final String CHM = "ConcurrentHashMap";
  static final String SNAPSHOT_MAP = "SnapshotMap";

  private Maps() {}

  /** Both presized for {@code expectedSize} entries, as a careful user would write either one. */
  static ConcurrentMap<Integer, Integer> create(String impl, int expectedSize) {
    switch (impl) {
      case CHM:
        return new ConcurrentHashMap<>(expectedSize);
      case SNAPSHOT_MAP:
        return new SnapshotMap<>(expectedSize);
      default:
        throw new IllegalArgumentException(
            "impl: " + impl + " (valid: " + CHM + ", " + SNAPSHOT_MAP + ")");
    }
  }

  /**
   * SnapshotMap keeps the contents of a map sized for more than 16,384 entries in segments, which
   * runs other code (a subclass of its generation) than a smaller map does.
   */
  private static final int SNAPSHOT_MAP_SEGMENTED = 16_385;

  /**
   * The expected size for a small SnapshotMap that runs the same code as one sized for {@code
   * measuredSize}: the JIT warm-ups of the whole-map benchmarks use it, so that the operations they
   * measure a few dozen times are compiled for the layout they meet.
   */
  static int sameLayoutAs(int measuredSize) {
    return Math.min(measuredSize, SNAPSHOT_MAP_SEGMENTED);
  }

  /**
   * {@code count} distinct boxed keys starting at {@code from}, boxed once so that no benchmark
   * measures boxing.
   */
  static Integer[] keys(int from, int count) {
    Integer[] keys = new Integer[count];
    for (int i = 0; i < count; i++) {
      keys[i] = from + i;
    }
    return keys;
  }

  /** A permutation of {@code 0..n-1}: keys are visited in random order, not bin by bin. */
  static int[] shuffled(int n, long seed) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Random random = new Random(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }
}
