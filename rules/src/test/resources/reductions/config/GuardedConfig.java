package config;

import java.util.HashMap;
import java.util.Map;
import javax.annotation.concurrent.GuardedBy;
import javax.annotation.concurrent.ThreadSafe;

/** The author documented the locking policy with @GuardedBy: not reported. */
@ThreadSafe
public class GuardedConfig {
  @GuardedBy("this")
  private Map<String, String> props = new HashMap<>();

  public String get(String key) {
    synchronized (this) {
      return props.get(key);
    }
  }

  public void reload(Map<String, String> fresh) {
    Map<String, String> copy = new HashMap<>(fresh);
    synchronized (this) {
      props = copy;
    }
  }
}
