package cache;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/** Evicts at most a batch of entries: a loop with a break is not a clear. */
public class BreakPurge {
  private final ConcurrentHashMap<String, Object> entries = new ConcurrentHashMap<>();

  public Object get(String k) {
    return entries.get(k);
  }

  public void evictBatch(int max) {
    int n = 0;
    for (String k : entries.keySet()) {
      entries.remove(k);
      if (++n == max) {
        break;
      }
    }
  }

  public void evictOne() {
    Iterator<String> it = entries.keySet().iterator();
    while (it.hasNext()) {
      it.next();
      it.remove();
      break;
    }
  }
}
