package cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Reduced from a size-bounded memoiser: clear() then a single put is not a refill. */
public class MemoCache<K, V> {
  private static final int MAX = 1_000;
  private final Map<K, V> memo = new ConcurrentHashMap<>();
  private final Function<K, V> loader;

  public MemoCache(Function<K, V> loader) {
    this.loader = loader;
  }

  public V get(K key) {
    V v = memo.get(key);
    if (v == null) {
      v = loader.apply(key);
      if (memo.size() >= MAX) {
        memo.clear();
      }
      memo.put(key, v);
    }
    return v;
  }

  public V getOrReset(K key) {
    V v = memo.get(key);
    if (v == null) {
      v = loader.apply(key);
      memo.clear();
      memo.put(key, v);
    }
    return v;
  }
}
