package dev.clearguard.samples.session;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One user's login session: identity, expiry and attributes shared by concurrent requests. */
public final class Session implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String id;
  private final String user;
  private final Instant expiresAt;
  private volatile Instant lastAccess;
  private transient Map<String, Object> attributes;

  public Session(String id, String user, Instant expiresAt) {
    this.id = id;
    this.user = user;
    this.expiresAt = expiresAt;
    this.lastAccess = Instant.now();
    attributes = new ConcurrentHashMap<>();
  }

  public String id() {
    return id;
  }

  public String user() {
    return user;
  }

  public boolean isExpired(Instant now) {
    return now.isAfter(expiresAt);
  }

  public void touch() {
    lastAccess = Instant.now();
  }

  public Instant lastAccess() {
    return lastAccess;
  }

  public Object attribute(String name) {
    return attributes.get(name);
  }

  public void setAttribute(String name, Object value) {
    attributes.put(name, value);
  }

  /** Releases per-session resources such as open upload streams. */
  public void close() {
    attributes.clear();
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    // Attributes are not persisted; a restored session starts with none.
    attributes = new ConcurrentHashMap<>();
  }
}
