package legacy;

import java.util.HashMap;
import java.util.Map;

/** Instance and static initialisers assign the fields: before publication. */
public class InitBlockTable {
  private static Map<String, Integer> codes;
  private Map<String, Integer> local;

  static {
    codes = new HashMap<>();
    codes.put("OK", 200);
  }

  {
    local = new HashMap<>(codes);
  }

  public synchronized Integer code(String name) {
    Integer c = local.get(name);
    return c != null ? c : codes.get(name);
  }
}
