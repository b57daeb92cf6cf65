package config;

import java.util.HashMap;
import java.util.Map;

/** static synchronized locks the Class, synchronized instance methods lock this. */
public class StaticLockMismatch {
  private static Map<String, String> aliases = new HashMap<>();

  public static synchronized void reload(Map<String, String> fresh) {
    // BUG: Diagnostic contains: UnsafeMapReassignment
    aliases = new HashMap<>(fresh);
  }

  public synchronized String resolve(String name) {
    return aliases.getOrDefault(name, name);
  }
}
