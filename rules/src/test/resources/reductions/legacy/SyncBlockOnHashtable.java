package legacy;

import java.util.Hashtable;
import java.util.Map;

/** Enhanced-for drain of a Hashtable while holding the table's monitor. */
public class SyncBlockOnHashtable {
  private static final Hashtable<String, Thread> WORKERS = new Hashtable<>();

  public static Thread worker(String name) {
    return WORKERS.get(name);
  }

  public static void interruptAll() {
    synchronized (WORKERS) {
      for (Map.Entry<String, Thread> e : new java.util.ArrayList<>(WORKERS.entrySet())) {
        e.getValue().interrupt();
        WORKERS.remove(e.getKey());
      }
    }
  }
}
