package pool;

import java.util.Hashtable;
import java.util.Iterator;
import java.util.Map;

/** The same drain inside synchronized (channels) on a Hashtable: not a race. */
public class SyncChannelPool {
  private final Map<String, Runnable> channels = new Hashtable<>();

  public Runnable channel(String k) {
    return channels.get(k);
  }

  public void shutdown() {
    synchronized (channels) {
      Iterator<Runnable> it = channels.values().iterator();
      while (it.hasNext()) {
        it.next().run();
        it.remove();
      }
    }
  }
}
