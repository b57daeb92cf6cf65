package legacy;

import java.util.Hashtable;
import java.util.Map;

/** A Hashtable directory reloaded without holding its monitor across clear and putAll. */
public class HashtableDirectory {
  private final Hashtable<String, String> entries = new Hashtable<>();

  public String lookup(String name) {
    return entries.get(name);
  }

  public void reload(Map<String, String> fresh) {
    // BUG: Diagnostic contains: ClearThenRefill
    entries.clear();
    entries.putAll(fresh);
  }
}
