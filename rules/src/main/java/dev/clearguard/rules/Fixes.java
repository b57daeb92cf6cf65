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

  /**
   * javac's answers about the field for a fixer, with the migration verdicts the message and the
   * fixer both read; null when the map is not a field of the analysed class.
   */
  static FieldRewrite rewrite(ClassFacts facts, FieldFacts field) {
    return field == null ? null : FieldRewrite.of(facts, field);
  }

  private static boolean safe(FieldRewrite rewrite, boolean snapshot) {
    return rewrite != null && (snapshot ? rewrite.snapshotMap() : rewrite.volatilePublish()).safe();
  }

  static List<Strategy> strategies(ClassFacts facts, Shape shape, FieldRewrite rewrite) {
    List<Strategy> strategies = new ArrayList<>();
    if (safe(rewrite, true) && facts.snapshotMapAvailable()) {
      strategies.add(Strategy.SNAPSHOT_MAP);
    }
    if (safe(rewrite, false)
        && shape != Shape.SYNC_ON_REASSIGNED
        && shape != Shape.DRAIN_LOOP
        && shape != Shape.CLEAR_LOOP
        && shape != Shape.CLEAR_CALL) {
      strategies.add(Strategy.VOLATILE_PUBLISH);
    }
    if (shape == Shape.CLEAR_LOOP || shape == Shape.CLEAR_CALL) {
      strategies.add(Strategy.MINIMAL_CLEAR);
    }
    return strategies;
  }

  /** Why none of {@code strategies} applies, in words for a person; null when one does. */
  static String whyManual(
      ClassFacts facts, Shape shape, FieldRewrite rewrite, List<Strategy> strategies) {
    if (!strategies.isEmpty()) {
      return null;
    }
    if (rewrite == null) {
      return "the map is not a field of this class";
    }
    String snapshot =
        !rewrite.snapshotMap().safe()
            ? rewrite.snapshotMap().reason()
            : "SnapshotMap is not on the class path";
    return switch (shape) {
      case DRAIN_LOOP ->
          "a loop that processes each entry is rewritten only for SnapshotMap (drain()): "
              + snapshot;
      case SYNC_ON_REASSIGNED ->
          "only a final SnapshotMap keeps the lock object fixed: " + snapshot;
      default -> snapshot + "; " + rewrite.volatilePublish().reason();
    };
  }

  static FixPlan plan(
      ClassFacts facts,
      Shape shape,
      MapTarget map,
      Tree target,
      List<? extends Tree> related,
      String manualRecipe) {
    FieldFacts field = map.field();
    FieldRewrite rewrite = rewrite(facts, field);
    List<Strategy> strategies = strategies(facts, shape, rewrite);
    return new FixPlan(
        shape,
        strategies,
        map.text(),
        field == null ? null : facts.fieldRef(field),
        facts.position(target),
        related.stream().map(facts::position).toList(),
        rewrite,
        whyManual(facts, shape, rewrite, strategies),
        manualRecipe);
  }

  /**
   * The second sentence of a message: the preferred fix, naming the map. When SnapshotMap would be
   * the fix but is not on the class path, it says which dependency to add.
   */
  static String preferredFix(ClassFacts facts, Shape shape, MapTarget map) {
    String name = map.name();
    FieldRewrite rewrite = rewrite(facts, map.field());
    boolean migratable = safe(rewrite, true);
    String snapshotFix = Strategy.SNAPSHOT_MAP.describe(shape, name, false);
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
          case CLEAR_LOOP, CLEAR_CALL -> Strategy.MINIMAL_CLEAR.describe(shape, name, false);
          case DRAIN_LOOP ->
              "remove each entry with `"
                  + name
                  + ".remove(key, value)` so a value written meanwhile survives for the next pass";
          case CLEAR_THEN_REFILL, REASSIGN_EMPTY, REASSIGN_VALUE ->
              safe(rewrite, false)
                  ? Strategy.VOLATILE_PUBLISH.describe(shape, name, map.field().isFinal())
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
