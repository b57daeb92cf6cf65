package dev.clearguard.rules;

import dev.clearguard.rules.facts.Access;
import dev.clearguard.rules.facts.ClassFacts;
import dev.clearguard.rules.facts.FieldFacts;
import dev.clearguard.rules.facts.MapTarget;
import dev.clearguard.rules.facts.Program;
import dev.clearguard.rules.facts.Site;
import java.util.List;

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
    if (!builtForConcurrency(facts, map)) {
      // A Hashtable or Properties is everywhere in single-threaded code (configuration, builders):
      // it needs its holder to show it is shared.
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
    return map.field() == null || !facts.underOneLock(map.field(), true);
  }

  private static boolean builtForConcurrency(ClassFacts facts, MapTarget map) {
    FieldFacts field = map.field();
    if (field != null) {
      return field.isBuiltForConcurrency() || facts.isShared(field);
    }
    return !map.selfLocking();
  }

  /**
   * What {@link #racy} leaves to the whole program: the clear at {@code site} can run while other
   * threads use the map (it is not reached only from set-up code), and no lock is held at every use
   * of the field, counting the locks every caller of a use's method holds.
   */
  static Finding.Condition stillRacy(MapTarget map, Site site) {
    FieldFacts field = map.field();
    List<Access> uses = field == null ? List.of() : field.sharedAccesses();
    return program ->
        program.runsShared(site, field, MapTarget.OWN.equals(map.owner()), false)
            && (field == null || !program.underOneLock(live(program, uses, field, false), true));
  }

  /**
   * The uses of {@code field} that can run while it is shared; {@code quietIsSetUp} as in {@link
   * Program#runsShared(java.util.Set, boolean, boolean)}.
   */
  static List<Access> live(
      Program program, List<Access> uses, FieldFacts field, boolean quietIsSetUp) {
    return uses.stream()
        .filter(use -> program.runsShared(use.site(), field, use.onThis(), quietIsSetUp))
        .toList();
  }
}
