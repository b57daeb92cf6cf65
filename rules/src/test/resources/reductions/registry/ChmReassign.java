package registry;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A concurrent declared type alone does not show that the registry is shared: DTOs and builders
 * declare them too. Nothing else here shows a second thread, so it stays silent.
 */
public class ChmReassign {
  private ConcurrentHashMap<String, Integer> ports = new ConcurrentHashMap<>();

  public Integer port(String service) {
    return ports.get(service);
  }

  public void assign(String service, int port) {
    ports.put(service, port);
  }

  public void reset() {
    ports = new ConcurrentHashMap<>();
  }
}
