package cache;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** A HashMap is not a concurrent map: these loops are another checker's business. */
public class PlainMapInSharedClass {
  private final Map<String, String> index = new HashMap<>();
  private final AtomicLong hits = new AtomicLong();

  public synchronized String lookup(String k) {
    hits.incrementAndGet();
    return index.get(k);
  }

  public void reset() {
    for (String k : index.keySet()) {
      index.remove(k);
    }
  }

  public void reload(Map<String, String> fresh) {
    index.clear();
    index.putAll(fresh);
  }
}
