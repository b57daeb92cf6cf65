package extra;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Refill inside synchronized (this); every reader is a synchronized method. */
public class SyncBlockRefill {
  private final Map<String, String> aliases = new ConcurrentHashMap<>();

  public synchronized String alias(String k) {
    return aliases.get(k);
  }

  public void reload(Map<String, String> fresh) {
    Map<String, String> copy = Map.copyOf(fresh);
    synchronized (this) {
      aliases.clear();
      aliases.putAll(copy);
    }
  }
}
