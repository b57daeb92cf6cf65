package events;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Replacement is synchronized, dispatch is not: readers see the emptied table. */
public class Dispatcher {
  private final Map<String, Runnable> subscribers = new ConcurrentHashMap<>();

  public void dispatch(String topic) {
    Runnable r = subscribers.get(topic);
    if (r != null) {
      r.run();
    }
  }

  public synchronized void replaceSubscribers(Map<String, Runnable> fresh) {
    // BUG: Diagnostic contains: ClearThenRefill
    subscribers.clear();
    subscribers.putAll(fresh);
  }
}
