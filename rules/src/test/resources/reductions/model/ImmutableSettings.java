package model;

import java.util.HashMap;
import java.util.Map;

/** A final map copied into fresh instances: nothing reassigned. */
public final class ImmutableSettings {
  private final Map<String, String> values;

  public ImmutableSettings(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  public ImmutableSettings with(String k, String v) {
    Map<String, String> copy = new HashMap<>(values);
    copy.put(k, v);
    return new ImmutableSettings(copy);
  }

  public String get(String k) {
    synchronized (values) {
      return values.get(k);
    }
  }
}
