package config;

import java.util.Map;

/** Publishing a fully built immutable map through a volatile field is the fix. */
public class VolatileConfig {
  private volatile Map<String, String> props = Map.of();

  public String get(String key) {
    return props.get(key);
  }

  public synchronized void reload(Map<String, String> fresh) {
    props = Map.copyOf(fresh);
  }
}
