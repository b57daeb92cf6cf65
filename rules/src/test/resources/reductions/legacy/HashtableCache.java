package legacy;

import java.util.Hashtable;
import java.util.Iterator;

/** Old-school cache: every access in a synchronized method. One lock, no finding. */
public class HashtableCache {
  private final Hashtable<String, Object> table = new Hashtable<>();

  public synchronized Object get(String k) {
    return table.get(k);
  }

  public synchronized void put(String k, Object v) {
    table.put(k, v);
  }

  public synchronized void clearAll() {
    Iterator<String> it = table.keySet().iterator();
    while (it.hasNext()) {
      it.next();
      it.remove();
    }
  }

  public synchronized void reload(java.util.Map<String, Object> fresh) {
    table.clear();
    table.putAll(fresh);
  }
}
