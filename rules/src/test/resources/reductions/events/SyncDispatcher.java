package events;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Every access synchronized on this: one lock, no finding for any rule. */
public class SyncDispatcher {
  private final Map<String, Runnable> subscribers = new ConcurrentHashMap<>();

  public synchronized Runnable subscriber(String topic) {
    return subscribers.get(topic);
  }

  public synchronized void replaceSubscribers(Map<String, Runnable> fresh) {
    subscribers.clear();
    subscribers.putAll(fresh);
  }

  public synchronized void unsubscribeAll() {
    for (String topic : subscribers.keySet()) {
      subscribers.remove(topic);
    }
  }
}
