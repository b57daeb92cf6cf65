package sched;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Readers lock the table; reload swaps it: the lock and the field both break. */
public class CronTable {
  private final ExecutorService runner = Executors.newCachedThreadPool();
  private Map<String, Runnable> table = new HashMap<>();

  public void fire(String expr) {
    Runnable r;
    // BUG: Diagnostic contains: SyncOnReassignedMap
    synchronized (table) {
      r = table.get(expr);
    }
    if (r != null) {
      runner.submit(r);
    }
  }

  public void reload(Map<String, Runnable> parsed) {
    // BUG: Diagnostic contains: UnsafeMapReassignment
    table = new HashMap<>(parsed);
  }
}
