package cache;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Loops that target a local copy or another map are not clears of the shared map. */
public class LocalCopyPurge {
  private final Map<String, Integer> live = new ConcurrentHashMap<>();
  private final Map<String, Integer> shadow = new ConcurrentHashMap<>();

  public Map<String, Integer> drainCopy() {
    Map<String, Integer> copy = new HashMap<>(live);
    Iterator<String> it = copy.keySet().iterator();
    while (it.hasNext()) {
      it.next();
      it.remove();
    }
    return copy;
  }

  public void dropShadowed() {
    for (String k : live.keySet()) {
      shadow.remove(k);
    }
  }

  public void dropShadowedLambda() {
    live.forEach((k, v) -> shadow.remove(k));
  }

  public void dropShadowedRef() {
    live.keySet().forEach(shadow::remove);
  }

  public int size() {
    return live.size() + shadow.size();
  }
}
