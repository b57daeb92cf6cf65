package registry;

import java.util.HashMap;
import java.util.Map;

/** A single-threaded container's bean table: plain HashMap, no sharing signal. */
public class BeanRegistry {
  private Map<String, Object> beans = new HashMap<>();

  public Object bean(String name) {
    return beans.get(name);
  }

  public void refresh(Map<String, Object> fresh) {
    beans.clear();
    beans.putAll(fresh);
  }

  public void replace(Map<String, Object> fresh) {
    beans = new HashMap<>(fresh);
  }
}
