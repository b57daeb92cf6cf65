package pool;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/** Every access under one ReentrantLock: the drain loop is atomic for every observer. */
public class LockedPool {
  private final Lock lock = new ReentrantLock();
  private final Map<String, Object> slots = new ConcurrentHashMap<>();

  public Object take(String id) {
    lock.lock();
    try {
      return slots.get(id);
    } finally {
      lock.unlock();
    }
  }

  public void offer(String id, Object o) {
    lock.lock();
    try {
      slots.put(id, o);
    } finally {
      lock.unlock();
    }
  }

  public void drain() {
    lock.lock();
    try {
      for (String id : slots.keySet()) {
        slots.remove(id);
      }
    } finally {
      lock.unlock();
    }
  }
}
