package metrics;

import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Supplier;

/** A final synchronizedMap: locking on it is correct and iteration under it is safe. */
public class GaugeRegistry {
  private final Map<String, Supplier<Double>> gauges = Collections.synchronizedMap(new HashMap<>());

  public void register(String name, Supplier<Double> g) {
    gauges.put(name, g);
  }

  public Double read(String name) {
    Supplier<Double> g = gauges.get(name);
    return g == null ? null : g.get();
  }

  public void unregisterAll() {
    synchronized (gauges) {
      for (Iterator<String> it = gauges.keySet().iterator(); it.hasNext(); ) {
        it.next();
        it.remove();
      }
    }
  }

  public void unregisterAllByKey() {
    synchronized (gauges) {
      for (String name : new java.util.ArrayList<>(gauges.keySet())) {
        gauges.remove(name);
      }
    }
  }
}
