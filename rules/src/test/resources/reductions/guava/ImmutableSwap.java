package guava;

import java.util.HashMap;
import java.util.Map;

/** Build privately, publish once through a volatile field: the recommended fix. */
public class ImmutableSwap {
  private volatile Map<String, Integer> index = Map.of();

  public Integer position(String k) {
    return index.get(k);
  }

  public void rebuild(Iterable<String> keys) {
    Map<String, Integer> b = new HashMap<>();
    int i = 0;
    for (String k : keys) {
      b.put(k, i++);
    }
    index = Map.copyOf(b);
  }
}
