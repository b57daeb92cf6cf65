package dev.clearguard.rules;

import com.sun.source.tree.Tree;
import dev.clearguard.rules.FixPlan.Shape;
import dev.clearguard.rules.FixPlan.Strategy;
import dev.clearguard.rules.facts.ClassFacts;
import dev.clearguard.rules.facts.FieldFacts;
import dev.clearguard.rules.facts.MapTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds each finding's fix plan and the message clause that names the preferred fix, so that the
 * four rules word the same fix the same way.
 */
final class Fixes {
  static final String RUNTIME_ARTIFACT = "dev.clearguard:clearguard-runtime";

  private Fixes() {}

  /** Whether a fixer may change this field's declaration: nobody outside the file sees it. */
  static boolean rewritable(FieldFacts field) {
    if (field == null) {
      return false;
    }
    var modifiers = field.element().getModifiers();
    return !modifiers.contains(javax.lang.model.element.Modifier.PUBLIC)
        && !modifiers.contains(javax.lang.model.element.Modifier.PROTECTED);
  }

  /**
   * Whether migrating the field to SnapshotMap keeps every use compiling. It makes the field final,
   * so every assignment must be in the file the fixer rewrites: the field must be private (another
   * class of the package may assign a package-private one).
   */
  static boolean migratable(ClassFacts facts, FieldFacts field) {
    return rewritable(field)
        && field.element().getModifiers().contains(javax.lang.model.element.Modifier.PRIVATE)
        && facts.knowledge().isMapInterface(field.element().asType())
        && !assignsNull(field)
        && !assignsOrderedMap(field);
  }

  /** Maps a SnapshotMap (hash-ordered, equality-keyed) can stand for without changing behaviour. */
  private static final java.util.Set<String> UNORDERED =
      java.util.Set.of("ConcurrentHashMap", "HashMap", "Hashtable");

  /**
   * {@code new TreeMap<>()}, {@code new ConcurrentSkipListMap<>()}, {@code new LinkedHashMap<>()}:
   * the field's maps keep an order (or identity semantics) a SnapshotMap would lose.
   */
  private static boolean assignsOrderedMap(FieldFacts field) {
    for (com.sun.source.tree.ExpressionTree value : field.assignedValues()) {
      if (dev.clearguard.rules.facts.MapKnowledge.skipParens(value)
          instanceof com.sun.source.tree.NewClassTree created) {
        com.sun.source.tree.Tree type = created.getIdentifier();
        if (type instanceof com.sun.source.tree.ParameterizedTypeTree generic) {
          type = generic.getType();
        }
        String name =
            type instanceof com.sun.source.tree.MemberSelectTree select
                ? select.getIdentifier().toString()
                : type.toString();
        if (created.getClassBody() != null || !UNORDERED.contains(name)) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code m = null} somewhere: no SnapshotMap can stand for "no map". */
  private static boolean assignsNull(FieldFacts field) {
    return field.assignedValues().stream()
        .anyMatch(dev.clearguard.rules.facts.MapKnowledge::isNullLiteral);
  }

  static List<Strategy> strategies(ClassFacts facts, Shape shape, FieldFacts field) {
    List<Strategy> strategies = new ArrayList<>();
    if (migratable(facts, field) && facts.snapshotMapAvailable()) {
      strategies.add(Strategy.SNAPSHOT_MAP);
    }
    if (rewritable(field)
        && shape != Shape.SYNC_ON_REASSIGNED
        && shape != Shape.CLEAR_LOOP
        && shape != Shape.CLEAR_CALL) {
      strategies.add(Strategy.VOLATILE_PUBLISH);
    }
    if (shape == Shape.CLEAR_LOOP || shape == Shape.CLEAR_CALL) {
      strategies.add(Strategy.MINIMAL_CLEAR);
    }
    return strategies;
  }

  static FixPlan plan(
      ClassFacts facts,
      Shape shape,
      MapTarget map,
      Tree target,
      List<? extends Tree> related,
      String manualRecipe) {
    FieldFacts field = map.field();
    return new FixPlan(
        shape,
        strategies(facts, shape, field),
        map.text(),
        field == null ? null : facts.fieldRef(field),
        facts.position(target),
        related.stream().map(facts::position).toList(),
        manualRecipe);
  }

  /**
   * The second sentence of a message: the preferred fix, naming the map. When SnapshotMap would be
   * the fix but is not on the class path, it says which dependency to add.
   */
  static String preferredFix(ClassFacts facts, Shape shape, MapTarget map) {
    String name = map.name();
    boolean migratable = migratable(facts, map.field());
    String snapshotFix =
        switch (shape) {
          case CLEAR_LOOP, CLEAR_CALL, REASSIGN_EMPTY ->
              "migrate `"
                  + name
                  + "` to SnapshotMap and call `"
                  + name
                  + ".clear()` (atomic, O(1))";
          case DRAIN_LOOP ->
              "migrate `"
                  + name
                  + "` to SnapshotMap and loop over `"
                  + name
                  + ".drain()` (atomic, lossless)";
          case CLEAR_THEN_REFILL, REASSIGN_VALUE ->
              "migrate `"
                  + name
                  + "` to SnapshotMap and install the new contents with `"
                  + name
                  + ".swap(fresh)` (atomic)";
          case SYNC_ON_REASSIGNED ->
              "migrate `"
                  + name
                  + "` to a final SnapshotMap and reset it with clear()/swap()"
                  + " instead of reassigning it";
        };
    // A concurrent map already rejects nulls; a HashMap, a TreeMap or a field set to null does not.
    String nulls =
        migratable && !map.field().isConcurrent()
            ? " SnapshotMap rejects null keys and values."
            : "";
    if (migratable && facts.snapshotMapAvailable()) {
      return capitalize(snapshotFix) + "." + nulls;
    }
    String withoutRuntime =
        switch (shape) {
          case CLEAR_LOOP, CLEAR_CALL ->
              "call `" + name + ".clear()` instead (one call, no lost-write window)";
          case DRAIN_LOOP ->
              "remove each entry with `"
                  + name
                  + ".remove(key, value)` so a value written meanwhile survives for the next pass";
          case CLEAR_THEN_REFILL, REASSIGN_EMPTY, REASSIGN_VALUE ->
              map.field() != null && rewritable(map.field())
                  ? "make `"
                      + name
                      + (map.field().isFinal() ? "` volatile instead of final" : "` volatile")
                      + " and publish a complete new map in one assignment"
                  : "build the new contents in a local map and publish it in one assignment to a"
                      + " volatile field";
          case SYNC_ON_REASSIGNED ->
              "lock on a dedicated `private final Object` instead, or make `"
                  + name
                  + "` final and reset its contents";
        };
    if (migratable) {
      return capitalize(withoutRuntime)
          + ", or add "
          + RUNTIME_ARTIFACT
          + " and "
          + snapshotFix
          + "."
          + nulls;
    }
    return capitalize(withoutRuntime) + ".";
  }

  private static String capitalize(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
