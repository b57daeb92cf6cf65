package config;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Reduced from a properties reloader polling a file every 30 seconds. */
public class ConfigReloader {
  private final ScheduledExecutorService ses = Executors.newSingleThreadScheduledExecutor();
  private Map<String, String> props = new HashMap<>();

  public void start() {
    ses.scheduleAtFixedRate(this::reload, 30, 30, TimeUnit.SECONDS);
  }

  public String get(String key) {
    return props.get(key);
  }

  void reload() {
    var fresh = new HashMap<String, String>();
    fresh.put("loaded.at", Long.toString(System.currentTimeMillis()));
    // BUG: Diagnostic contains: UnsafeMapReassignment
    props = fresh;
  }
}
