package guava;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A Guava-Cache-like asMap() view, cleared key by key. */
public class LocalCacheView<K, V> {
  /** Stand-in for com.google.common.cache.Cache. */
  static final class Cache<K, V> {
    private final ConcurrentMap<K, V> map = new ConcurrentHashMap<>();

    ConcurrentMap<K, V> asMap() {
      return map;
    }
  }

  private final Cache<K, V> cache = new Cache<>();
  private final Map<K, V> view = cache.asMap();

  public V get(K k) {
    return view.get(k);
  }

  public void invalidateAll() {
    // BUG: Diagnostic contains: IterateRemoveClear
    view.keySet().removeIf(k -> true);
  }
}
