package web;

import jakarta.annotation.PostConstruct;
import java.util.HashMap;
import java.util.Map;

/** jakarta @PostConstruct assignment in a class with a volatile flag. */
public class TemplateCache {
  private Map<String, String> templates = new HashMap<>();
  private volatile boolean warmed;

  @PostConstruct
  void warm() {
    Map<String, String> loaded = new HashMap<>();
    loaded.put("home", "<html/>");
    templates = loaded;
    warmed = true;
  }

  public String template(String name) {
    return warmed ? templates.get(name) : null;
  }
}
