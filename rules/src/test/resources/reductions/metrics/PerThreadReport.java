package metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A method-local concurrent map is not shared: draining it is nobody's race. */
public class PerThreadReport {
  public String render(Map<String, Long> samples) {
    ConcurrentHashMap<String, Long> work = new ConcurrentHashMap<>(samples);
    StringBuilder sb = new StringBuilder();
    for (String k : work.keySet()) {
      sb.append(k).append('=').append(work.get(k)).append('\n');
      work.remove(k);
    }
    work.clear();
    work.putAll(samples);
    return sb.toString();
  }
}
