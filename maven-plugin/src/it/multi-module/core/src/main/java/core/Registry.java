package core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

public class Registry {
  protected final Map<String, String> entries = new ConcurrentHashMap<>();

  public Map<String, String> entries() {
    return entries;
  }

  public void reset() {
    entries.keySet().removeIf(k -> true);
  }
}
