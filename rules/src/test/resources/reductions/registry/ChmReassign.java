package registry;

import java.util.concurrent.ConcurrentHashMap;

/** The concurrent declared type is what shows this registry is shared. */
public class ChmReassign {
  private ConcurrentHashMap<String, Integer> ports = new ConcurrentHashMap<>();

  public Integer port(String service) {
    return ports.get(service);
  }

  public void assign(String service, int port) {
    ports.put(service, port);
  }

  public void reset() {
    // BUG: Diagnostic contains: UnsafeMapReassignment
    ports = new ConcurrentHashMap<>();
  }
}
