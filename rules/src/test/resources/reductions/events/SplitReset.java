package events;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** clear() and the refill live in different methods / maps: not a clear-then-refill. */
public class SplitReset {
  private final Map<String, Integer> offsets = new ConcurrentHashMap<>();
  private final Map<String, Integer> pending = new ConcurrentHashMap<>();

  public Integer offset(String p) {
    return offsets.get(p);
  }

  public void clearOffsets() {
    offsets.clear();
  }

  public void restore(Map<String, Integer> saved) {
    offsets.putAll(saved);
  }

  public void commit(Map<String, Integer> batch) {
    pending.clear();
    offsets.putAll(batch);
  }
}
