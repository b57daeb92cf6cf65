package dev.clearguard.samples.routing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Maps request path prefixes to backends; rebuilt whenever service discovery reports a change. */
public final class RouteTable {
  /** A backend target for a path prefix. */
  public record Route(String backend, int weight) {}

  private Map<String, Route> routes = new ConcurrentHashMap<>();
  private final AtomicLong version = new AtomicLong();

  /** The route with the longest prefix of {@code path}, or null. */
  public Route lookup(String path) {
    Route best = null;
    int bestLength = -1;
    for (Map.Entry<String, Route> entry : routes.entrySet()) {
      String prefix = entry.getKey();
      if (path.startsWith(prefix) && prefix.length() > bestLength) {
        best = entry.getValue();
        bestLength = prefix.length();
      }
    }
    return best;
  }

  public long version() {
    return version.get();
  }

  public void register(String prefix, Route route) {
    // Locks whichever map `routes` points to right now; after rebuild() another thread locks a
    // different map, and both check-then-put sequences run at once.
    synchronized (routes) {
      if (routes.containsKey(prefix)) {
        throw new IllegalStateException("duplicate route " + prefix);
      }
      routes.put(prefix, route);
    }
    version.incrementAndGet();
  }

  /** Points every route of a drained backend at its replacement. */
  public void retarget(String oldBackend, String newBackend) {
    synchronized (routes) {
      routes.replaceAll(
          (prefix, route) ->
              route.backend().equals(oldBackend) ? new Route(newBackend, route.weight()) : route);
    }
    version.incrementAndGet();
  }

  /** Installs the routes reported by service discovery. */
  public void rebuild(Map<String, Route> discovered) {
    // Plain write: lookups on other threads may keep routing to the old backends indefinitely.
    routes = new ConcurrentHashMap<>(discovered);
    version.incrementAndGet();
  }

  public void clear() {
    this.routes = new ConcurrentHashMap<>();
    version.incrementAndGet();
  }
}
