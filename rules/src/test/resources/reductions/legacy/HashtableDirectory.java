package legacy;

import java.util.Hashtable;
import java.util.Map;

/**
 * A Hashtable directory reloaded without holding its monitor across clear and putAll; a Hashtable
 * alone is no evidence of sharing, and nothing else here shows a second thread.
 */
public class HashtableDirectory {
  private final Hashtable<String, String> entries = new Hashtable<>();

  public String lookup(String name) {
    return entries.get(name);
  }

  public void reload(Map<String, String> fresh) {
    entries.clear();
    entries.putAll(fresh);
  }
}
