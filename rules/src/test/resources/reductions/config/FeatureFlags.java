package config;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reduced from a feature-flag client refreshed from a remote service. */
public class FeatureFlags {
  private final ConcurrentHashMap<String, Boolean> flags = new ConcurrentHashMap<>();

  public boolean enabled(String flag) {
    return flags.getOrDefault(flag, false);
  }

  public void refresh(Map<String, Boolean> remote) {
    // BUG: Diagnostic contains: ClearThenRefill
    this.flags.clear();
    remote.forEach(this.flags::put);
  }
}
