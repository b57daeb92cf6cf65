package extra;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Declared Map, no initialiser; a concurrent map is assigned in an init method. */
public class DeclaredMapAssignedChm {
  private final Map<String, String> byId;

  public DeclaredMapAssignedChm(boolean concurrent) {
    byId = new ConcurrentHashMap<>();
  }

  public String get(String id) {
    return byId.get(id);
  }

  public void dropAll() {
    // BUG: Diagnostic contains: IterateRemoveClear
    byId.values().removeIf(v -> true);
  }
}
