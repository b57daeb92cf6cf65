package config;

import java.util.Map;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** A sorted message bundle reloaded when translations change. */
public class LocaleMessages {
  private final ConcurrentNavigableMap<String, String> messages = new ConcurrentSkipListMap<>();

  public String message(String key) {
    return messages.get(key);
  }

  public void reload(Map<String, String> bundle) {
    // BUG: Diagnostic contains: ClearThenRefill
    messages.clear();
    messages.putAll(bundle);
  }
}
