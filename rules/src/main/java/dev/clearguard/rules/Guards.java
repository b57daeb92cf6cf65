package dev.clearguard.rules;

import dev.clearguard.rules.facts.ClassFacts;
import dev.clearguard.rules.facts.MapTarget;
import dev.clearguard.rules.facts.Site;

/** The non-findings every map-contents rule shares, so each rule states them once. */
final class Guards {
  private Guards() {}

  /**
   * Whether clearing {@code map} at {@code site} can race another thread: the map is concurrent,
   * the code runs after publication, the map is not locked on itself around a self-locking map, and
   * no single lock orders every use of the field.
   */
  static boolean racy(ClassFacts facts, MapTarget map, Site site) {
    if (map == null || !map.concurrent()) {
      // Plain maps fail fast with ConcurrentModificationException; that is other tools' business.
      return false;
    }
    boolean beforePublication =
        map.field() != null
            ? site.beforePublicationOf(map.field(), MapTarget.OWN.equals(map.owner()))
            : site.prePublication();
    if (beforePublication) {
      return false;
    }
    if (map.selfLocking() && site.holds(map.element(), true)) {
      // Hashtable and Collections.synchronizedMap lock on themselves in every method, so code
      // inside synchronized (map) is atomic with respect to every other single call.
      return false;
    }
    return map.field() == null || !facts.underOneLock(map.field(), true, use -> true, null);
  }
}
