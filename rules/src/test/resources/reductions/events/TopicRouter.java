package events;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Field declared Map; a synchronizedMap assigned in the constructor; rebuilt without its lock. */
public class TopicRouter {
  private final Map<String, Route> routes;

  public TopicRouter() {
    this.routes = Collections.synchronizedMap(new HashMap<>());
  }

  public Route route(String topic) {
    return routes.get(topic);
  }

  public void rebuild(List<Route> fresh) {
    // BUG: Diagnostic contains: ClearThenRefill
    this.routes.clear();
    for (Route r : fresh) {
      this.routes.put(r.topic(), r);
    }
  }

  public record Route(String topic, String target) {}
}
