package config;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reduced from a DB-backed settings table refilled row by row. */
public class JdbcBackedConfig {
  private final Map<String, String> settings = new ConcurrentHashMap<>();

  public String setting(String k) {
    return settings.get(k);
  }

  public void reload(List<String[]> rows) {
    Iterator<String[]> rs = rows.iterator();
    // BUG: Diagnostic contains: ClearThenRefill
    settings.clear();
    while (rs.hasNext()) {
      String[] row = rs.next();
      settings.put(row[0], row[1]);
    }
  }
}
