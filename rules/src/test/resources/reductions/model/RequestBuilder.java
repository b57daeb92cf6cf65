package model;

import java.util.LinkedHashMap;
import java.util.Map;

/** A builder: single-threaded by construction, reassignments are fine. */
public final class RequestBuilder {
  private Map<String, String> headers = new LinkedHashMap<>();
  private String url;

  public RequestBuilder url(String url) {
    this.url = url;
    return this;
  }

  public RequestBuilder headers(Map<String, String> h) {
    this.headers = new LinkedHashMap<>(h);
    return this;
  }

  public RequestBuilder clearHeaders() {
    headers.clear();
    headers.putAll(Map.of("Accept", "*/*"));
    return this;
  }

  public String build() {
    return url + headers;
  }
}
