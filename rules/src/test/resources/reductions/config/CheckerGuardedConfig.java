package config;

import java.util.HashMap;
import java.util.Map;
import org.checkerframework.checker.lock.qual.GuardedBy;

/** Checker Framework's @GuardedBy is recognised too. */
public class CheckerGuardedConfig {
  private final Object lock = new Object();

  @GuardedBy("lock")
  private Map<String, String> aliases = new HashMap<>();

  public synchronized void touch() {}

  public void replace(Map<String, String> fresh) {
    synchronized (lock) {
      aliases = fresh;
    }
  }
}
