package pool;

import java.util.HashMap;
import java.util.Map;

/** Written under the lock object, read under this: two different locks. */
public class LockMismatchPool {
  private static final Object LOCK = new Object();
  private Map<String, Integer> sizes = new HashMap<>();

  public synchronized Integer size(String pool) {
    return sizes.get(pool);
  }

  public void resize(Map<String, Integer> fresh) {
    synchronized (LOCK) {
      // BUG: Diagnostic contains: UnsafeMapReassignment
      sizes = new HashMap<>(fresh);
    }
  }
}
