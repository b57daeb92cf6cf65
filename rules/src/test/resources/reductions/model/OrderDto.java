package model;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** A DTO with a map property: no sharing signal. */
public class OrderDto {
  private String id;
  private Map<String, String> attributes = new HashMap<>();

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public Map<String, String> getAttributes() {
    return attributes;
  }

  public void setAttributes(Map<String, String> attributes) {
    this.attributes = attributes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OrderDto d && Objects.equals(id, d.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
