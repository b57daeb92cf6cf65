package config;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** Writes under the write lock, reads under the read lock: one lock, no finding. */
public class RwLockConfig {
  private final ReadWriteLock rw = new ReentrantReadWriteLock();
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
    rw.writeLock().lock();
    try {
      props.clear();
      props.putAll(fresh);
    } finally {
      rw.writeLock().unlock();
    }
  }
}
