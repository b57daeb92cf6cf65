package pool;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/** Written under the lock, read without it. */
public class ReentrantHolder {
  private final ReentrantLock lock = new ReentrantLock();
  private Map<String, String> endpoints = new HashMap<>();

  public String endpoint(String k) {
    return endpoints.get(k);
  }

  public void update(Map<String, String> fresh) {
    lock.lock();
    try {
      // BUG: Diagnostic contains: UnsafeMapReassignment
      endpoints = fresh;
    } finally {
      lock.unlock();
    }
  }

  public void shutdown() {
    // Publishes no map: a reader sees the old, complete map or null. Not reported (the null check
    // a reader needs is not a publication problem, and volatile would not add it).
    this.endpoints = null;
  }
}
