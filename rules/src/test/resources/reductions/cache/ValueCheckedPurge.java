package cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** remove(k, v) only removes entries nobody rewrote meanwhile: not reported. */
public class ValueCheckedPurge {
  private final Map<String, Long> versions = new ConcurrentHashMap<>();

  public void bump(String k) {
    versions.merge(k, 1L, Long::sum);
  }

  public void purgeSeen() {
    for (Map.Entry<String, Long> e : versions.entrySet()) {
      versions.remove(e.getKey(), e.getValue());
    }
  }

  public void purgeSeenLambda() {
    versions.forEach((k, v) -> versions.remove(k, v));
  }
}
