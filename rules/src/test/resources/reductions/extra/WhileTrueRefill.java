package extra;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Refill with a classic indexed for loop. */
public class WhileTrueRefill {
  private static final Map<Integer, String> SLOTS = new ConcurrentHashMap<>();

  public static String slot(int i) {
    return SLOTS.get(i);
  }

  public static void assign(List<String> owners) {
    // BUG: Diagnostic contains: ClearThenRefill
    SLOTS.clear();
    for (int i = 0; i < owners.size(); i++) {
      SLOTS.put(i, owners.get(i));
    }
  }
}
