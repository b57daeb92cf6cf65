package metrics;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Reduced from a timer registry reset between reporting windows. */
public class TimerStats {
  private static final ConcurrentMap<String, long[]> STATS = new ConcurrentHashMap<>();

  public static void record(String timer, long nanos) {
    STATS.computeIfAbsent(timer, t -> new long[2])[0] += nanos;
  }

  public static long[] stats(String timer) {
    return STATS.get(timer);
  }

  public static void resetWindow() {
    // BUG: Diagnostic contains: IterateRemoveClear
    STATS.entrySet().removeIf(e -> true);
  }
}
