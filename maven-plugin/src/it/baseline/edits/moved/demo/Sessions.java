package demo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The session store, now documented: every line below moved. */
public class Sessions {
  private final Map<String, String> sessions = new ConcurrentHashMap<>();
  private final Map<String, Long> lastSeen = new ConcurrentHashMap<>();

  public void touch(String id) {
    lastSeen.put(id, System.nanoTime());
  }

  public void logoutAll() {
    for (String id :   sessions.keySet()) {
      sessions.remove(id);
    }
  }

  public void reload(Map<String, String> fresh) {
    sessions.clear();
    sessions.putAll(fresh);
  }
}
