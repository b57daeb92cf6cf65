package events;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Swaps the listener table, the way a naive hot-reload does; lambda refill after clear. */
public class ListenerSnapshot {
  private final Map<String, Runnable> byName = new ConcurrentHashMap<>();

  public Runnable listener(String n) {
    return byName.get(n);
  }

  public void replace(Map<String, Runnable> fresh) {
    // BUG: Diagnostic contains: ClearThenRefill
    byName.clear();
    fresh.forEach((k, v) -> byName.put(k, v));
  }
}
