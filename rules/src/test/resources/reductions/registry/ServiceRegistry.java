package registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reduced from a service-discovery client's local registry. */
public class ServiceRegistry {
  private final Map<String, Service> services = new ConcurrentHashMap<>();

  public void register(Service s) {
    services.put(s.name(), s);
  }

  public Service lookup(String name) {
    return services.get(name);
  }

  public void shutdown() {
    // BUG: Diagnostic contains: IterateRemoveClear
    for (Service s : services.values()) {
      s.stop();
      services.remove(s.name());
    }
  }

  public interface Service {
    String name();

    void stop();
  }
}
