package config;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.PostConstruct;

/** Set-up in @PostConstruct runs before the bean is published. */
public class PostConstructConfig {
  private final Map<String, String> cache = new ConcurrentHashMap<>();
  private Map<String, String> defaults = new HashMap<>();
  private volatile boolean ready;

  @PostConstruct
  void init() {
    cache.clear();
    cache.putAll(load());
    defaults = load();
    for (String k : cache.keySet()) {
      cache.remove(k);
    }
    ready = true;
  }

  public String get(String k) {
    return ready ? cache.getOrDefault(k, defaults.get(k)) : null;
  }

  private static Map<String, String> load() {
    return Map.of("a", "b");
  }
}
