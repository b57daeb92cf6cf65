package pool;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** A synchronizedMap drained under its monitor in one method and without it in another. */
public class SynchronizedWrapperPool {
  private final Map<Integer, Object> workers = Collections.synchronizedMap(new HashMap<>());

  public Object worker(int id) {
    return workers.get(id);
  }

  public void stopAllLocked() {
    synchronized (workers) {
      for (Integer id : new java.util.ArrayList<>(workers.keySet())) {
        workers.remove(id);
      }
    }
  }

  public void stopAllUnlocked() {
    // BUG: Diagnostic contains: IterateRemoveClear
    workers.keySet().removeIf(id -> true);
  }
}
