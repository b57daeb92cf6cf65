package metrics;

import java.util.HashMap;
import java.util.Map;

/** Locking on a map that the flush replaces: two threads can hold "the" lock. */
public class SyncCounters {
  private volatile Map<String, Long> counts = new HashMap<>();

  public void inc(String name) {
    // BUG: Diagnostic contains: SyncOnReassignedMap
    synchronized (counts) {
      counts.merge(name, 1L, Long::sum);
    }
  }

  public Map<String, Long> flush() {
    // BUG: Diagnostic contains: SyncOnReassignedMap
    synchronized (this.counts) {
      Map<String, Long> old = counts;
      counts = new HashMap<>();
      return old;
    }
  }
}
