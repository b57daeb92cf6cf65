package guava;

import java.util.Map;

/** Field declared Map whose initialiser returns a ConcurrentMap. */
public class InternerPool {
  private final Map<String, String> pool = Maps.newConcurrentMap();

  public String intern(String s) {
    String prev = pool.putIfAbsent(s, s);
    return prev == null ? s : prev;
  }

  public void flush() {
    // BUG: Diagnostic contains: IterateRemoveClear
    for (String s : pool.keySet()) {
      pool.remove(s);
    }
  }
}
