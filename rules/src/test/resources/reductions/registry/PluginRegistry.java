package registry;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Field declared Map, made concurrent in the constructor; rescans refill it with a loop. */
public class PluginRegistry {
  private Map<String, Plugin> plugins;

  public PluginRegistry() {
    this.plugins = new ConcurrentHashMap<>();
  }

  public Plugin plugin(String name) {
    return plugins.get(name);
  }

  public void rescan(List<Plugin> found) {
    // BUG: Diagnostic contains: ClearThenRefill
    plugins.clear();
    for (Plugin p : found) {
      plugins.put(p.name(), p);
    }
  }

  public record Plugin(String name) {}
}
