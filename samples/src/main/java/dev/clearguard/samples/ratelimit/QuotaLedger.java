package dev.clearguard.samples.ratelimit;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.annotation.concurrent.GuardedBy;

/** Monthly API call quotas per tenant; usage starts from zero at each billing period. */
public final class QuotaLedger {
  private final Object lock = new Object();

  @GuardedBy("lock")
  private Map<String, Long> quotas = new HashMap<>();

  private final Map<String, Long> usage = new ConcurrentHashMap<>();
  private final AtomicLong rejected = new AtomicLong();

  /** Installs the quotas of the new billing plan. */
  public void setQuotas(Map<String, Long> fresh) {
    synchronized (lock) {
      quotas = new HashMap<>(fresh);
    }
  }

  public boolean tryConsume(String tenant) {
    synchronized (lock) {
      if (remainingLocked(tenant) <= 0) {
        rejected.incrementAndGet();
        return false;
      }
      usage.merge(tenant, 1L, Long::sum);
      return true;
    }
  }

  public long remaining(String tenant) {
    synchronized (lock) {
      return remainingLocked(tenant);
    }
  }

  public long rejected() {
    return rejected.get();
  }

  /** Called by the billing scheduler when a new period starts. */
  public void resetUsage() {
    // Calls counted while this loop runs are either kept or silently forgiven, depending on timing.
    Iterator<String> it = usage.keySet().iterator();
    while (it.hasNext()) {
      usage.remove(it.next());
    }
  }

  // Caller holds `lock`.
  private long remainingLocked(String tenant) {
    return quotas.getOrDefault(tenant, 0L) - usage.getOrDefault(tenant, 0L);
  }
}
