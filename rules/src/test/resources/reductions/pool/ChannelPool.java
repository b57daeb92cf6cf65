package pool;

import java.util.Hashtable;
import java.util.Iterator;

/**
 * A Hashtable drained without holding its monitor; a Hashtable alone is no evidence of sharing
 * (configuration and builders use them on one thread), and nothing else here shows a second thread.
 */
public class ChannelPool {
  private final Hashtable<String, Channel> channels = new Hashtable<>();

  public Channel channel(String k) {
    return channels.get(k);
  }

  public void shutdown() {
    Iterator<Channel> it = channels.values().iterator();
    while (it.hasNext()) {
      it.next().close();
      it.remove();
    }
  }

  public interface Channel {
    void close();
  }
}
