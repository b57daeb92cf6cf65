package web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.PostConstruct;
import stereotype.Component;
import stereotype.Scheduled;

/** Filled at start-up (fine) and refreshed on a schedule the same way (not fine). */
@Component
public class RouteTable {
  private final Map<String, String> routes = new ConcurrentHashMap<>();

  @PostConstruct
  public void init() {
    routes.clear();
    routes.putAll(fetch());
  }

  @Scheduled
  public void refresh() {
    // BUG: Diagnostic contains: ClearThenRefill
    routes.clear();
    routes.putAll(fetch());
  }

  public String target(String path) {
    return routes.get(path);
  }

  private Map<String, String> fetch() {
    return Map.of("/", "index");
  }
}
