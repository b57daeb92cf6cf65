package demo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

public class Sessions {
  private final Map<String, String> sessions = new ConcurrentHashMap<>();

  public void logoutAll() {
    for (String id : sessions.keySet()) {
      sessions.remove(id);
    }
  }

  public void reload(Map<String, String> fresh) {
    sessions.clear();
    sessions.putAll(fresh);
  }
}
