package cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Functional-style clears of a shared concurrent map. */
public class ForEachPurge {
  private final Map<Long, String> names = new ConcurrentHashMap<>();

  public String name(long id) {
    return names.get(id);
  }

  public void clearLambda() {
    // BUG: Diagnostic contains: IterateRemoveClear
    names.forEach((k, v) -> names.remove(k));
  }

  public void clearRef() {
    // BUG: Diagnostic contains: IterateRemoveClear
    names.keySet().forEach(names::remove);
  }

  public void clearViaCopiedList() {
    List<Long> ids = new ArrayList<>(names.keySet());
    // BUG: Diagnostic contains: IterateRemoveClear
    ids.forEach(names::remove);
  }

  public void clearViaStream() {
    // BUG: Diagnostic contains: IterateRemoveClear
    names.keySet().stream().forEach(names::remove);
  }

  public void clearViaCollectedStream() {
    // BUG: Diagnostic contains: IterateRemoveClear
    names.keySet().stream().collect(Collectors.toList()).forEach(names::remove);
  }

  public void clearTemporaries() {
    names.keySet().stream().filter(id -> id < 0).forEach(names::remove);
  }
}
