package guava;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Stand-in for com.google.common.collect.Maps. */
public final class Maps {
  private Maps() {}

  public static <K, V> ConcurrentMap<K, V> newConcurrentMap() {
    return new ConcurrentHashMap<>();
  }
}
