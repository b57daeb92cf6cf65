package config;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** Same swap, but one accessor forgot the read lock. */
public class RwReassignLeaky {
  private final ReadWriteLock rw = new ReentrantReadWriteLock();
  private Map<String, String> props = new HashMap<>();

  public String get(String k) {
    rw.readLock().lock();
    try {
      return props.get(k);
    } finally {
      rw.readLock().unlock();
    }
  }

  public int size() {
    return props.size();
  }

  public void replace(Map<String, String> fresh) {
    rw.writeLock().lock();
    try {
      // BUG: Diagnostic contains: UnsafeMapReassignment
      props = new HashMap<>(fresh);
    } finally {
      rw.writeLock().unlock();
    }
  }
}
