package sched;

import java.util.HashMap;
import java.util.Map;
import net.jcip.annotations.ThreadSafe;

/** Only the @ThreadSafe annotation shows this class is shared. */
@ThreadSafe
public class ThreadSafeTimers {
  private Map<String, Long> deadlines = new HashMap<>();

  public Long deadline(String k) {
    return deadlines.get(k);
  }

  public void replace(Map<String, Long> fresh) {
    // BUG: Diagnostic contains: UnsafeMapReassignment
    this.deadlines = Map.copyOf(fresh);
  }
}
