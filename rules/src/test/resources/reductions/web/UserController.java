package web;

import java.util.HashMap;
import java.util.Map;
import stereotype.Autowired;
import stereotype.Component;

/** A bean with a setter-injected map and no sign of sharing: not reported. */
@Component
public class UserController {
  private Map<String, String> labels = new HashMap<>();

  @Autowired
  public void setLabels(Map<String, String> labels) {
    this.labels = labels;
  }

  public String label(String k) {
    return labels.get(k);
  }
}
