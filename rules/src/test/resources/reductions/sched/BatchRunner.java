package sched;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** A batch's scratch map lives and dies inside one method. */
public class BatchRunner {
  public int run(List<String> items) {
    ConcurrentHashMap<String, Integer> results = new ConcurrentHashMap<>();
    for (String item : items) {
      results.put(item, item.length());
    }
    int total = results.values().stream().mapToInt(Integer::intValue).sum();
    results.keySet().removeIf(k -> true);
    results.forEach((k, v) -> results.remove(k));
    return total;
  }
}
