package config;

import java.util.HashMap;
import java.util.Map;

/** Every read and write under the instance monitor: one lock, no finding. */
public class SyncConfig {
  private Map<String, String> props = new HashMap<>();

  public synchronized String get(String key) {
    return props.get(key);
  }

  public String getOrDefault(String key, String dflt) {
    synchronized (this) {
      return props.getOrDefault(key, dflt);
    }
  }

  public synchronized void reload(Map<String, String> fresh) {
    this.props = new HashMap<>(fresh);
  }
}
