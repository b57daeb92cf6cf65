package registry;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** Same registry without holding the wrapper's monitor across the two steps. */
public final class CodecRegistryUnlocked {
  private static final Map<String, String> CODECS = Collections.synchronizedMap(new HashMap<>());

  private CodecRegistryUnlocked() {}

  public static String codec(String mime) {
    return CODECS.get(mime);
  }

  public static void replaceAll(Map<String, String> fresh) {
    // BUG: Diagnostic contains: ClearThenRefill
    CODECS.clear();
    CODECS.putAll(fresh);
  }
}
