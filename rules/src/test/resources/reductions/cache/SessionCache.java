package cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reduced from a web framework's in-memory session store. */
public class SessionCache {
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  public Session get(String id) {
    return sessions.get(id);
  }

  public void put(Session s) {
    sessions.put(s.id(), s);
  }

  public void invalidateAll() {
    // BUG: Diagnostic contains: IterateRemoveClear
    for (Map.Entry<String, Session> e : sessions.entrySet()) {
      e.getValue().close();
      sessions.remove(e.getKey());
    }
  }

  public record Session(String id) {
    void close() {}
  }
}
