package events;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Stream and removeIf with real predicates remove only some entries. */
public class FilteredUnsubscribe {
  private final Map<String, Boolean> active = new ConcurrentHashMap<>();

  public boolean isActive(String id) {
    return active.getOrDefault(id, false);
  }

  public void dropInactive() {
    active.keySet().stream().filter(id -> !active.get(id)).forEach(active::remove);
    active.entrySet().removeIf(e -> !e.getValue());
  }

  public void dropPrefixed(String prefix) {
    active.forEach(
        (id, on) -> {
          if (id.startsWith(prefix)) {
            active.remove(id);
          }
        });
  }
}
