package config;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** Field swap under the write lock, every read under the read lock. */
public class RwReassignConfig {
  private final ReentrantReadWriteLock.ReadLock readLock;
  private final ReentrantReadWriteLock.WriteLock writeLock;
  private Map<String, String> props = new HashMap<>();

  public RwReassignConfig() {
    ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    readLock = rw.readLock();
    writeLock = rw.writeLock();
  }

  public String get(String k) {
    readLock.lock();
    try {
      return props.get(k);
    } finally {
      readLock.unlock();
    }
  }

  public void replace(Map<String, String> fresh) {
    writeLock.lock();
    try {
      props = new HashMap<>(fresh);
    } finally {
      writeLock.unlock();
    }
  }
}
