package sched;

import java.util.HashMap;
import java.util.Map;

/** Starts its own worker thread; the tracking map is swapped without synchronisation. */
public class TaskTracker {
  private Map<Long, String> running = new HashMap<>();

  public void start() {
    new Thread(this::loop, "tracker").start();
  }

  private void loop() {
    while (!Thread.currentThread().isInterrupted()) {
      if (running.isEmpty()) {
        Thread.onSpinWait();
      }
    }
  }

  public void reset() {
    // BUG: Diagnostic contains: UnsafeMapReassignment
    running = new HashMap<>();
  }
}
