package cache;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Removing every key through a copy of the key set is still a non-atomic clear. */
public class CopyKeysPurge {
  private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();

  public byte[] blob(String k) {
    return blobs.get(k);
  }

  public void purge() {
    // BUG: Diagnostic contains: IterateRemoveClear
    for (String k : new ArrayList<>(blobs.keySet())) {
      blobs.remove(k);
    }
  }

  public void purgeWithListCopy() {
    // BUG: Diagnostic contains: IterateRemoveClear
    for (var k : List.copyOf(this.blobs.keySet())) {
      this.blobs.remove(k);
    }
  }

  public void purgeEntries() {
    // BUG: Diagnostic contains: IterateRemoveClear
    for (Map.Entry<String, byte[]> e : new HashSet<>(blobs.entrySet())) {
      blobs.remove(e.getKey());
    }
  }
}
