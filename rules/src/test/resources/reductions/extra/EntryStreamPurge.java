package extra;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Keys taken from an entry stream are still every key. */
public class EntryStreamPurge {
  private final ConcurrentHashMap<String, Integer> scores = new ConcurrentHashMap<>();

  public Integer score(String k) {
    return scores.get(k);
  }

  public void resetScores() {
    // BUG: Diagnostic contains: IterateRemoveClear
    scores.entrySet().stream().map(Map.Entry::getKey).forEach(scores::remove);
  }
}
