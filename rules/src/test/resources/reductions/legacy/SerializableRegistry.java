package legacy;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A transient cache rebuilt during deserialization: runs before publication. */
public class SerializableRegistry implements Serializable {
  private static final long serialVersionUID = 1L;
  private transient Map<String, Object> cache = new ConcurrentHashMap<>();
  private volatile String name = "default";

  public Object get(String k) {
    return cache.get(k);
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    cache = new ConcurrentHashMap<>();
    cache.clear();
    cache.putAll(Map.of("name", name));
  }

  private Object readResolve() {
    cache = new ConcurrentHashMap<>(cache);
    return this;
  }
}
