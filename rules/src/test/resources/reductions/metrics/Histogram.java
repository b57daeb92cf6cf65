package metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Static bucket table guarded by its own monitor, and replaced by reset(). */
public final class Histogram {
  private static final AtomicLong SAMPLES = new AtomicLong();
  private static Map<Integer, Long> buckets = new HashMap<>();

  private Histogram() {}

  public static void record(int bucket) {
    SAMPLES.incrementAndGet();
    // BUG: Diagnostic contains: SyncOnReassignedMap
    synchronized (buckets) {
      buckets.merge(bucket, 1L, Long::sum);
    }
  }

  public static int size() {
    return buckets.size();
  }

  public static void reset() {
    // BUG: Diagnostic contains: UnsafeMapReassignment
    buckets = new HashMap<>();
  }
}
