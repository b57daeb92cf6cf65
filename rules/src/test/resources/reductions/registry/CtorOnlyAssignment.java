package registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Non-final field assigned only in constructors: nothing is reassigned after publication. */
public class CtorOnlyAssignment {
  private Map<String, String> routes;
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  public CtorOnlyAssignment() {
    this(new ConcurrentHashMap<>());
  }

  public CtorOnlyAssignment(Map<String, String> initial) {
    this.routes = initial;
  }

  public void route(String key, Runnable r) {
    if (routes.containsKey(key)) {
      pool.submit(r);
    }
  }
}
