package demo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Clears its shared map the safe way: one call. */
public class Registry {
  private final Map<String, String> entries = new ConcurrentHashMap<>();

  public void put(String key, String value) {
    entries.put(key, value);
  }

  public void reset() {
    entries.clear();
  }

  /** Removes only some entries: not a clear. */
  public void evictEmpty() {
    for (String key : entries.keySet()) {
      if (entries.get(key).isEmpty()) {
        entries.remove(key);
      }
    }
  }
}
