package registry;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A Collections.synchronizedMap replaced under its own monitor: every read of the wrapper takes
 * the same lock, so readers never see the half-built state.
 */
public final class CodecRegistry {
  private static final Map<String, String> CODECS = Collections.synchronizedMap(new HashMap<>());

  private CodecRegistry() {}

  public static String codec(String mime) {
    return CODECS.get(mime);
  }

  public static void replaceAll(Map<String, String> fresh) {
    synchronized (CODECS) {
      CODECS.clear();
      CODECS.putAll(fresh);
    }
  }
}
