package pool;

import java.util.HashMap;
import java.util.Map;

/** A dedicated lock object guards the field everywhere. */
public class LockObjectPool {
  private final Object lock = new Object();
  private Map<String, Integer> sizes = new HashMap<>();

  public synchronized void touch() {}

  public Integer size(String pool) {
    synchronized (lock) {
      return sizes.get(pool);
    }
  }

  public void resize(Map<String, Integer> fresh) {
    synchronized (lock) {
      sizes = new HashMap<>(fresh);
    }
  }
}
