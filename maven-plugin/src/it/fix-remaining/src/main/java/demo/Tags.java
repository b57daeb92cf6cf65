package demo;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

public class Tags {
  private final Map<String, String> sessions = new ConcurrentHashMap<>();
  private Map<String, String> tags = new HashMap<>();

  public synchronized void touch() {}

  public String get(String k) {
    return tags.get(k) + sessions.get(k);
  }

  public void logoutAll() {
    for (String id : sessions.keySet()) {
      sessions.remove(id);
    }
  }

  public void reset(String host) {
    tags = new HashMap<>();
    tags.put("host", host);
  }
}
