package dev.clearguard.samples.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds outgoing HTTP requests; each calling thread owns one builder and reuses it. */
public final class RequestBuilder {
  /** An immutable request, ready to send. */
  public record Request(String method, URI uri, Map<String, String> headers, String body) {}

  private final String baseUrl;
  private final Map<String, String> headers = new HashMap<>();
  private Map<String, String> query = new LinkedHashMap<>();
  private String method = "GET";
  private String path = "/";
  private String body;

  public RequestBuilder(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Replaces all headers with the given defaults, e.g. user agent and accept. */
  public RequestBuilder withDefaults(Map<String, String> defaultHeaders) {
    headers.clear();
    headers.putAll(defaultHeaders);
    return this;
  }

  public RequestBuilder header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public RequestBuilder query(String name, String value) {
    query.put(name, value);
    return this;
  }

  public RequestBuilder get(String path) {
    this.method = "GET";
    this.path = path;
    return this;
  }

  public RequestBuilder post(String path, String body) {
    this.method = "POST";
    this.path = path;
    this.body = body;
    return this;
  }

  public Request build() {
    StringBuilder url = new StringBuilder(baseUrl).append(path);
    char separator = '?';
    for (Map.Entry<String, String> param : query.entrySet()) {
      url.append(separator).append(encode(param.getKey())).append('=');
      url.append(encode(param.getValue()));
      separator = '&';
    }
    return new Request(method, URI.create(url.toString()), Map.copyOf(headers), body);
  }

  /** Forgets everything set since the last reset so the next request starts clean. */
  public RequestBuilder reset() {
    for (Iterator<String> it = headers.keySet().iterator(); it.hasNext(); ) {
      it.next();
      it.remove();
    }
    query = new LinkedHashMap<>();
    method = "GET";
    path = "/";
    body = null;
    return this;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
