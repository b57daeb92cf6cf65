package cache;

import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reduced from a resource cache that closes handles while clearing. */
public class IteratorPurge {
  private final ConcurrentHashMap<String, Closeable> handles = new ConcurrentHashMap<>();

  public Closeable handle(String k) {
    return handles.get(k);
  }

  public void closeAll() {
    Iterator<Map.Entry<String, Closeable>> it = handles.entrySet().iterator();
    // BUG: Diagnostic contains: IterateRemoveClear
    while (it.hasNext()) {
      Map.Entry<String, Closeable> e = it.next();
      try {
        e.getValue().close();
      } catch (IOException ignored) {
        // best effort
      }
      it.remove();
    }
  }

  public void closeAllForLoop() {
    // BUG: Diagnostic contains: IterateRemoveClear
    for (Iterator<Closeable> it = handles.values().iterator(); it.hasNext(); ) {
      Closeable c = it.next();
      it.remove();
      quietly(c);
    }
  }

  public void dropKeys() {
    var it = handles.keySet().iterator();
    // BUG: Diagnostic contains: IterateRemoveClear
    while (it.hasNext()) {
      handles.remove(it.next());
    }
  }

  private static void quietly(Closeable c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // best effort
    }
  }
}
