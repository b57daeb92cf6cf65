package registry;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/** Reduced from a static MIME-type table reloaded from a properties file. */
public final class MimeTypes {
  static final Map<String, String> MIME = new ConcurrentHashMap<>();

  private MimeTypes() {}

  public static String of(String ext) {
    return MIME.get(ext);
  }

  public static void reload(Properties p) {
    // BUG: Diagnostic contains: ClearThenRefill
    MIME.clear();
    for (String name : p.stringPropertyNames()) {
      MIME.put(name, p.getProperty(name));
    }
  }
}
