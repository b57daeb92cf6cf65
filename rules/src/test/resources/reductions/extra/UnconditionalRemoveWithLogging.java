package extra;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A condition that guards only logging does not make the removal partial. */
public class UnconditionalRemoveWithLogging {
  private final Map<String, Long> leases = new ConcurrentHashMap<>();
  private boolean verbose;

  public Long lease(String k) {
    return leases.get(k);
  }

  public void releaseAll() {
    Iterator<Map.Entry<String, Long>> it = leases.entrySet().iterator();
    // BUG: Diagnostic contains: IterateRemoveClear
    while (it.hasNext()) {
      Map.Entry<String, Long> e = it.next();
      if (verbose) {
        System.out.println("releasing " + e.getKey());
      }
      it.remove();
    }
  }

  public void releaseAllKeys() {
    // BUG: Diagnostic contains: IterateRemoveClear
    for (String k : leases.keySet()) {
      if (verbose) {
        System.out.println("releasing " + k);
      }
      leases.remove(k);
    }
  }
}
