package extra;

import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

/** java.util.Properties is a Hashtable: reloading it in two steps exposes an empty table. */
public class PropertiesReload {
  private final Properties props = new Properties();
  private final AtomicBoolean loaded = new AtomicBoolean();

  public String get(String k) {
    return props.getProperty(k);
  }

  public void reload(Properties fresh) {
    // BUG: Diagnostic contains: ClearThenRefill
    props.clear();
    props.putAll(fresh);
    loaded.set(true);
  }
}
