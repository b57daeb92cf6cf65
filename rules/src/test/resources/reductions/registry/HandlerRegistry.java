package registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reduced from an RPC server's method-handler table that is hot-reloaded. */
public class HandlerRegistry {
  private final Map<String, Runnable> handlers = new ConcurrentHashMap<>();

  public Runnable handler(String method) {
    return handlers.get(method);
  }

  public void reload(Map<String, Runnable> fresh) {
    // BUG: Diagnostic contains: ClearThenRefill
    handlers.clear();
    System.out.println("reloading " + fresh.size() + " handlers");
    handlers.putAll(fresh);
  }
}
