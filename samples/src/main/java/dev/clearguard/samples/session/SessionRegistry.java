package dev.clearguard.samples.session;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Live sessions by id, shared by every request thread and the expiry sweeper. */
public final class SessionRegistry {
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  public void add(Session session) {
    sessions.put(session.id(), session);
  }

  public Session find(String id) {
    Session session = sessions.get(id);
    if (session != null) {
      session.touch();
    }
    return session;
  }

  public int size() {
    return sessions.size();
  }

  /** Logs everyone out, e.g. after a signing key rotation. */
  public void invalidateAll() {
    // A login that lands while this loop runs survives it, although the caller was told "all".
    for (String id : sessions.keySet()) {
      sessions.remove(id);
    }
  }

  /** Ends every session and tells the listener, which writes the audit trail. */
  public void expireAll(Consumer<Session> onExpired) {
    for (Map.Entry<String, Session> entry : sessions.entrySet()) {
      onExpired.accept(entry.getValue());
      sessions.remove(entry.getKey());
    }
  }

  /** Closes and drops every session; used when the node leaves the cluster. */
  public void logoutAll() {
    for (Session session : sessions.values()) {
      session.close();
      sessions.remove(session.id());
    }
  }

  /** Drops sessions past their expiry; runs every minute on the sweeper thread. */
  public int evictExpired(Instant now) {
    int evicted = 0;
    for (Map.Entry<String, Session> entry : sessions.entrySet()) {
      if (entry.getValue().isExpired(now)) {
        sessions.remove(entry.getKey());
        evicted++;
      }
    }
    return evicted;
  }

  /** Drops up to {@code count} sessions when the node runs short of memory. */
  public void shed(int count) {
    int shed = 0;
    for (String id : sessions.keySet()) {
      sessions.remove(id);
      if (++shed >= count) {
        break;
      }
    }
  }

  /** Drops the sessions whose ids the identity provider reports as revoked. */
  public void revoke(Map<String, Instant> revokedAt) {
    for (String id : revokedAt.keySet()) {
      sessions.remove(id);
    }
  }

  /** The ids of all live sessions, for the admin console. */
  public Set<String> ids() {
    return Set.copyOf(sessions.keySet());
  }

  // Only called between tests, after the server under test has stopped accepting requests.
  @SuppressWarnings("IterateRemoveClear")
  void resetForTests() {
    sessions.keySet().removeIf(id -> true);
  }
}
