package extra;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A constructor that resets a static registry: the registry is already shared by others. */
public class CtorStaticReset {
  static final Map<String, Object> INSTANCES = new ConcurrentHashMap<>();
  private final Map<String, Object> own = new ConcurrentHashMap<>();

  public CtorStaticReset() {
    for (String k : own.keySet()) {
      own.remove(k);
    }
    own.clear();
    own.putAll(INSTANCES);
  }

  public Object instance(String k) {
    return INSTANCES.getOrDefault(k, own.get(k));
  }
}
