package cache;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reduced from a TTL cache: periodic sweeps remove only expired entries. */
public class ExpiringCache<K> {
  private final ConcurrentHashMap<K, Long> deadlines = new ConcurrentHashMap<>();

  public void touch(K key, long ttlMillis) {
    deadlines.put(key, System.currentTimeMillis() + ttlMillis);
  }

  public boolean isLive(K key) {
    Long d = deadlines.get(key);
    return d != null && d > System.currentTimeMillis();
  }

  public void sweep() {
    long now = System.currentTimeMillis();
    for (K key : deadlines.keySet()) {
      if (deadlines.get(key) < now) {
        deadlines.remove(key);
      }
    }
  }

  public void sweepWithIterator() {
    long now = System.currentTimeMillis();
    Iterator<Map.Entry<K, Long>> it = deadlines.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<K, Long> e = it.next();
      if (e.getValue() < now) {
        it.remove();
      }
    }
  }

  public void sweepWithRemoveIf() {
    long now = System.currentTimeMillis();
    deadlines.values().removeIf(d -> d < now);
  }

  public void sweepSkippingLive() {
    long now = System.currentTimeMillis();
    for (Map.Entry<K, Long> e : deadlines.entrySet()) {
      if (e.getValue() >= now) {
        continue;
      }
      deadlines.remove(e.getKey());
    }
  }
}
