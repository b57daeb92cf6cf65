package cache;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** An access-ordered LRU wrapped in Collections.synchronizedMap; iteration under its lock. */
public class LruCacheLegacy<K, V> {
  private final Map<K, V> lru =
      Collections.synchronizedMap(
          new LinkedHashMap<K, V>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
              return size() > 100;
            }
          });

  public V get(K k) {
    return lru.get(k);
  }

  public void put(K k, V v) {
    lru.put(k, v);
  }

  public void invalidateAll() {
    synchronized (lru) {
      Iterator<K> it = lru.keySet().iterator();
      while (it.hasNext()) {
        it.next();
        it.remove();
      }
    }
  }
}
