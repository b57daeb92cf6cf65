package web;

import java.util.HashMap;
import java.util.Map;

/** Request-scoped holder: confined to one request thread, no sharing signal. */
public class RequestScopedAttrs {
  private Map<String, Object> attrs = new HashMap<>();

  public Object attr(String k) {
    return attrs.get(k);
  }

  public void reset() {
    attrs = new HashMap<>();
  }

  public void replaceAll(Map<String, Object> fresh) {
    attrs.clear();
    attrs.putAll(fresh);
  }
}
