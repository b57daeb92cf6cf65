package cache;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Reduced from an OAuth client's access-token cache. */
public class TokenCache {
  private final ConcurrentMap<String, String> tokens = new ConcurrentHashMap<>();

  public String token(String audience) {
    return tokens.get(audience);
  }

  public void store(String audience, String token) {
    tokens.put(audience, token);
  }

  public void logout() {
    // BUG: Diagnostic contains: IterateRemoveClear
    this.tokens.keySet().removeIf(k -> true);
  }

  public void revokeAll() {
    // BUG: Diagnostic contains: IterateRemoveClear
    tokens.values().removeIf(v -> true);
  }

  public void forget() {
    // BUG: Diagnostic contains: IterateRemoveClear
    tokens.entrySet().removeIf(e -> true);
  }
}
