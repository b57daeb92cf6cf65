package guava;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;

/** synchronizedSortedMap / synchronizedNavigableMap results count as concurrent maps. */
public class SynchronizedSortedIndex {
  private final SortedMap<String, Long> byName =
      Collections.synchronizedSortedMap(new TreeMap<>());
  private final NavigableMap<Long, String> byTime =
      Collections.synchronizedNavigableMap(new TreeMap<>());

  public Long id(String name) {
    return byName.get(name);
  }

  public String at(long t) {
    return byTime.get(t);
  }

  public void dropNames() {
    // BUG: Diagnostic contains: IterateRemoveClear
    for (String n : new ArrayList<>(byName.keySet())) {
      byName.remove(n);
    }
  }

  public void reloadTimes(Map<Long, String> fresh) {
    // BUG: Diagnostic contains: ClearThenRefill
    byTime.clear();
    byTime.putAll(fresh);
  }
}
