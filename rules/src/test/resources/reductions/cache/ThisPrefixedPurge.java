package cache;

import java.util.concurrent.ConcurrentSkipListMap;

/** A sorted concurrent cache cleared with this.-qualified accesses. */
public class ThisPrefixedPurge {
  private final ConcurrentSkipListMap<Long, String> timeline = new ConcurrentSkipListMap<>();

  public String latest() {
    return this.timeline.isEmpty() ? null : this.timeline.lastEntry().getValue();
  }

  public void append(long t, String s) {
    this.timeline.put(t, s);
  }

  public void truncate() {
    // BUG: Diagnostic contains: IterateRemoveClear
    for (Long key : this.timeline.keySet()) {
      this.timeline.remove(key);
    }
  }
}
