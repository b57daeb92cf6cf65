package metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Reduced from a metrics reporter that swaps the counter map at every flush. */
public class Counters {
  private Map<String, LongAdder> counters = new ConcurrentHashMap<>();

  public void inc(String name) {
    counters.computeIfAbsent(name, n -> new LongAdder()).increment();
  }

  public Map<String, LongAdder> flush() {
    Map<String, LongAdder> old = counters;
    // BUG: Diagnostic contains: UnsafeMapReassignment
    counters = new ConcurrentHashMap<>();
    return old;
  }
}
