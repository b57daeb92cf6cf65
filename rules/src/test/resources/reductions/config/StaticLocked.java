package config;

import java.util.HashMap;
import java.util.Map;

/** Every access to the static field goes through static synchronized methods. */
public final class StaticLocked {
  private static Map<String, String> aliases = new HashMap<>();

  private StaticLocked() {}

  public static synchronized void reload(Map<String, String> fresh) {
    aliases = new HashMap<>(fresh);
  }

  public static synchronized String resolve(String name) {
    return aliases.getOrDefault(name, name);
  }

  public static String resolveBlock(String name) {
    synchronized (StaticLocked.class) {
      return aliases.get(name);
    }
  }
}
