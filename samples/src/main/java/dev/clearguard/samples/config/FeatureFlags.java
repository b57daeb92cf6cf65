package dev.clearguard.samples.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Boolean feature switches: built-in defaults, flags loaded from config, per-instance overrides.
 */
public final class FeatureFlags {
  private static Map<String, Boolean> builtIns;

  static {
    Map<String, Boolean> defaults = new HashMap<>();
    defaults.put("new-checkout", false);
    defaults.put("gzip-responses", true);
    builtIns = Collections.unmodifiableMap(defaults);
  }

  private volatile Map<String, Boolean> flags = builtIns;
  private final Map<String, Boolean> overrides = new ConcurrentHashMap<>();

  public boolean isEnabled(String name) {
    Boolean override = overrides.get(name);
    if (override != null) {
      return override;
    }
    return flags.getOrDefault(name, false);
  }

  /** Installs freshly loaded flags on top of the built-in defaults. */
  public void refresh(Map<String, Boolean> loaded) {
    Map<String, Boolean> merged = new HashMap<>(builtIns);
    merged.putAll(loaded);
    flags = Map.copyOf(merged);
  }

  public void setOverride(String name, boolean enabled) {
    overrides.put(name, enabled);
  }

  /** Replaces all overrides with the set pushed from the admin console. */
  public void replaceOverrides(Map<String, Boolean> fresh) {
    // Between these two steps isEnabled() ignores every override, so a flag forced off for an
    // incident can flip back on for a few requests.
    overrides.clear();
    fresh.forEach(overrides::put);
  }

  public void clearOverrides() {
    for (String name : new ArrayList<>(overrides.keySet())) {
      overrides.remove(name);
    }
  }
}
