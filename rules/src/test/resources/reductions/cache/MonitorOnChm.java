package cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** synchronized (chm) does not stop ConcurrentHashMap readers: still a non-atomic clear. */
public class MonitorOnChm {
  private final Map<String, Integer> quotas = new ConcurrentHashMap<>();

  public Integer quota(String tenant) {
    return quotas.get(tenant);
  }

  public void resetQuotas() {
    synchronized (quotas) {
      // BUG: Diagnostic contains: IterateRemoveClear
      for (String tenant : quotas.keySet()) {
        quotas.remove(tenant);
      }
    }
  }
}
