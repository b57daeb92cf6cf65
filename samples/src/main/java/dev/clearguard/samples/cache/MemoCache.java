package dev.clearguard.samples.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Memoizes an expensive function, such as price formatting, with a crude bound on its size. */
public final class MemoCache<K, V> {
  private final Map<K, V> memo = new ConcurrentHashMap<>();
  private final Function<K, V> compute;
  private final int maxEntries;

  public MemoCache(Function<K, V> compute, int maxEntries) {
    this.compute = compute;
    this.maxEntries = maxEntries;
  }

  public V get(K key) {
    V cached = memo.get(key);
    if (cached != null) {
      return cached;
    }
    V value = compute.apply(key);
    if (memo.size() >= maxEntries) {
      // Start over instead of tracking recency; a reader that misses just recomputes.
      memo.clear();
    }
    memo.put(key, value);
    return value;
  }

  /** Drops every memoized value, e.g. after exchange rates change. */
  public void invalidateAll() {
    // A get() that computed its value from the old rates can store it after the loop has passed.
    memo.values().removeIf(value -> true);
  }

  public int size() {
    return memo.size();
  }
}
