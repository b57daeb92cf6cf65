package app;

import core.Registry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Uses core from the reactor: its classpath must hold core's classes. */
public class Routes {
  private final Registry registry = new Registry();
  private final Map<String, String> routes = new ConcurrentHashMap<>();

  public void reload(Map<String, String> fresh) {
    routes.clear();
    routes.putAll(fresh);
    registry.entries().putAll(fresh);
  }

  public void drop() {
    for (String key : routes.keySet()) {
      routes.remove(key);
    }
  }
}
