package config;

import java.util.HashMap;
import java.util.Map;

/** The writer is synchronized but a reader is not: no happens-before for that reader. */
public class HalfSyncConfig {
  private Map<String, String> props = new HashMap<>();

  public String get(String key) {
    return props.get(key);
  }

  public synchronized boolean has(String key) {
    return props.containsKey(key);
  }

  public synchronized void reload(Map<String, String> fresh) {
    // BUG: Diagnostic contains: UnsafeMapReassignment
    this.props = new HashMap<>(fresh);
  }
}
