package sched;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Reduced from a job scheduler that cancels every job on shutdown. */
public class JobScheduler {
  private final ScheduledExecutorService ses = Executors.newScheduledThreadPool(2);
  private final Map<String, ScheduledFuture<?>> jobs = new ConcurrentHashMap<>();

  public void schedule(String id, Runnable r, long periodSeconds) {
    jobs.put(id, ses.scheduleAtFixedRate(r, 0, periodSeconds, TimeUnit.SECONDS));
  }

  public boolean isScheduled(String id) {
    return jobs.containsKey(id);
  }

  public void cancelAll() {
    // BUG: Diagnostic contains: IterateRemoveClear
    jobs.forEach(
        (id, future) -> {
          future.cancel(false);
          jobs.remove(id);
        });
  }

  public void cancelFinished() {
    jobs.forEach(
        (id, future) -> {
          if (future.isDone()) {
            jobs.remove(id);
          }
        });
  }
}
