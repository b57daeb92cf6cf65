package legacy;

import java.util.Hashtable;

/** Reduced from a servlet-era session manager. */
public class OldSessionManager {
  private Hashtable<String, Object> sessions = new Hashtable<>();

  public Object session(String id) {
    // BUG: Diagnostic contains: SyncOnReassignedMap
    synchronized (sessions) {
      return sessions.get(id);
    }
  }

  public void invalidateAll() {
    // BUG: Diagnostic contains: UnsafeMapReassignment
    sessions = new Hashtable<>();
  }
}
