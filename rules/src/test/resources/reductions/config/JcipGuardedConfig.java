package config;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import net.jcip.annotations.GuardedBy;

/** JCIP's @GuardedBy on the field. */
public class JcipGuardedConfig {
  private final ReentrantLock lock = new ReentrantLock();

  @GuardedBy("lock")
  private Map<String, Integer> limits = new HashMap<>();

  public void replace(Map<String, Integer> fresh) {
    lock.lock();
    try {
      limits = fresh;
    } finally {
      lock.unlock();
    }
  }

  public Integer limit(String k) {
    lock.lock();
    try {
      return limits.get(k);
    } finally {
      lock.unlock();
    }
  }
}
