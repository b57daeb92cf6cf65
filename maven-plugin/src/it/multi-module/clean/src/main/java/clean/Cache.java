package clean;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

public class Cache {
  private final Map<String, String> values = new ConcurrentHashMap<>();

  public void reset() {
    values.clear();
  }
}
