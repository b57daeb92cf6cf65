package registry;

import java.util.HashMap;
import java.util.Map;

/** The write happens in a private helper that is only ever called with the monitor held. */
public class CallerLockedRegistry {
  private Map<String, Object> beans = new HashMap<>();

  public synchronized Object bean(String name) {
    return beans.get(name);
  }

  public synchronized void refresh() {
    doRefresh();
  }

  private void doRefresh() {
    Map<String, Object> scanned = new HashMap<>();
    scanned.put("clock", new Object());
    beans = scanned;
  }
}
