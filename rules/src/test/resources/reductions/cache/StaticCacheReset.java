package cache;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Reduced from a reflection-metadata cache with a static reset hook. */
public final class StaticCacheReset {
  private static final ConcurrentMap<Class<?>, Object> METADATA = new ConcurrentHashMap<>();

  private StaticCacheReset() {}

  public static Object metadata(Class<?> type) {
    return METADATA.computeIfAbsent(type, t -> new Object());
  }

  public static void reset() {
    // BUG: Diagnostic contains: IterateRemoveClear
    for (Class<?> type : METADATA.keySet()) {
      METADATA.remove(type);
    }
  }
}
