package cache;

import static java.util.Collections.emptySet;

import java.util.Collections;
import java.util.concurrent.ConcurrentHashMap;

/** keySet().retainAll(emptySet()) empties the map one key at a time. */
public class RetainAllPurge {
  private final ConcurrentHashMap<String, Object> attrs = new ConcurrentHashMap<>();

  public Object attr(String k) {
    return attrs.get(k);
  }

  public void reset() {
    // BUG: Diagnostic contains: IterateRemoveClear
    attrs.keySet().retainAll(Collections.emptySet());
  }

  public void resetStatic() {
    // BUG: Diagnostic contains: IterateRemoveClear
    attrs.keySet().retainAll(emptySet());
  }

  public void keepOnly(java.util.Set<String> allowed) {
    attrs.keySet().retainAll(allowed);
  }
}
