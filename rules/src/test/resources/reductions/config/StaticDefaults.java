package config;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A static table set in a static initialiser, then overridden at runtime. */
public final class StaticDefaults {
  private static final AtomicInteger OVERRIDES = new AtomicInteger();
  private static Map<String, String> defaults;

  static {
    defaults = new HashMap<>();
    defaults.put("timeout", "30s");
  }

  private StaticDefaults() {}

  public static String get(String key) {
    return defaults.get(key);
  }

  public static void override(Map<String, String> fresh) {
    OVERRIDES.incrementAndGet();
    // BUG: Diagnostic contains: UnsafeMapReassignment
    defaults = fresh;
  }
}
