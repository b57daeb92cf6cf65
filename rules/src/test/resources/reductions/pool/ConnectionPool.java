package pool;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reduced from a JDBC-style pool: closeAll drains entries one by one. */
public class ConnectionPool {
  private final ConcurrentHashMap<String, Conn> idle = new ConcurrentHashMap<>();

  public Conn borrow(String id) {
    return idle.remove(id);
  }

  public void release(Conn c) {
    idle.put(c.id(), c);
  }

  public void closeAll() {
    // BUG: Diagnostic contains: IterateRemoveClear
    for (Iterator<Map.Entry<String, Conn>> it = idle.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Conn> e = it.next();
      e.getValue().close();
      it.remove();
    }
  }

  public void evictIdle(long maxIdleMillis) {
    long now = System.currentTimeMillis();
    for (Iterator<Conn> it = idle.values().iterator(); it.hasNext(); ) {
      Conn c = it.next();
      if (now - c.lastUsed() > maxIdleMillis) {
        c.close();
        it.remove();
      }
    }
  }

  public record Conn(String id, long lastUsed) {
    void close() {}
  }
}
