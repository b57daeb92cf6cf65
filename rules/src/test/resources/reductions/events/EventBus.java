package events;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Reduced from a Guava-EventBus-like dispatcher. */
public class EventBus {
  private final ConcurrentMap<Class<?>, List<Object>> listeners = new ConcurrentHashMap<>();

  public void subscribe(Class<?> type, Object l) {
    listeners.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add(l);
  }

  public List<Object> listeners(Class<?> type) {
    return listeners.get(type);
  }

  public void unsubscribeAll() {
    // BUG: Diagnostic contains: IterateRemoveClear
    listeners.keySet().forEach(listeners::remove);
  }

  public void reset() {
    listeners.clear();
  }
}
