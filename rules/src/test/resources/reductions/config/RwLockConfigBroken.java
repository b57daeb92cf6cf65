package config;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** The reload takes the read lock: readers are not excluded, so they see the empty map. */
public class RwLockConfigBroken {
  private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
  private final Map<String, String> props = new ConcurrentHashMap<>();

  public String get(String k) {
    rw.readLock().lock();
    try {
      return props.get(k);
    } finally {
      rw.readLock().unlock();
    }
  }

  public void reload(Map<String, String> fresh) {
    rw.readLock().lock();
    try {
      // BUG: Diagnostic contains: ClearThenRefill
      props.clear();
      props.putAll(fresh);
    } finally {
      rw.readLock().unlock();
    }
  }
}
