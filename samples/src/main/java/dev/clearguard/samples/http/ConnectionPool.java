package dev.clearguard.samples.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Keeps idle upstream connections per host and tracks the ones lent out to requests. */
public final class ConnectionPool {
  /** An open connection to one upstream host. */
  public interface Connection {
    String id();

    void close();
  }

  private final Map<String, Connection> idle = Collections.synchronizedMap(new HashMap<>());
  private final Hashtable<String, Connection> leased = new Hashtable<>();
  private final AtomicInteger opened = new AtomicInteger();
  private final Function<String, Connection> connector;

  public ConnectionPool(Function<String, Connection> connector) {
    this.connector = connector;
  }

  public Connection acquire(String host) {
    Connection connection = idle.remove(host);
    if (connection == null) {
      connection = connector.apply(host);
      opened.incrementAndGet();
    }
    leased.put(connection.id(), connection);
    return connection;
  }

  public void release(String host, Connection connection) {
    leased.remove(connection.id());
    Connection previous = idle.put(host, connection);
    if (previous != null) {
      previous.close();
    }
  }

  /** Closes every idle connection, e.g. when the upstream's DNS entry changes. */
  public void closeIdle() {
    synchronized (idle) {
      Iterator<Connection> it = idle.values().iterator();
      while (it.hasNext()) {
        it.next().close();
        it.remove();
      }
    }
  }

  /** Closes every lent-out connection on shutdown; requests still using them fail fast. */
  public void closeLeased() {
    synchronized (leased) {
      for (String id : new ArrayList<>(leased.keySet())) {
        leased.remove(id).close();
      }
    }
  }

  public int opened() {
    return opened.get();
  }
}
