package pool;

import java.util.Hashtable;
import java.util.Iterator;

/** Legacy Hashtable pool drained without holding the table's monitor. */
public class ChannelPool {
  private final Hashtable<String, Channel> channels = new Hashtable<>();

  public Channel channel(String k) {
    return channels.get(k);
  }

  public void shutdown() {
    Iterator<Channel> it = channels.values().iterator();
    // BUG: Diagnostic contains: IterateRemoveClear
    while (it.hasNext()) {
      it.next().close();
      it.remove();
    }
  }

  public interface Channel {
    void close();
  }
}
