package pool;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/** The drain holds the lock, but borrowers read without it. */
public class HalfLockedPool {
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, Object> slots = new ConcurrentHashMap<>();

  public Object peek(String id) {
    return slots.get(id);
  }

  public void drain() {
    lock.lock();
    try {
      // BUG: Diagnostic contains: IterateRemoveClear
      for (String id : slots.keySet()) {
        slots.remove(id);
      }
    } finally {
      lock.unlock();
    }
  }
}
