package config;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** An AtomicReference holder is safe publication. */
public class AtomicConfig {
  private final AtomicReference<Map<String, String>> props = new AtomicReference<>(Map.of());

  public String get(String key) {
    return props.get().get(key);
  }

  public void reload(Map<String, String> fresh) {
    props.set(Map.copyOf(fresh));
  }
}
