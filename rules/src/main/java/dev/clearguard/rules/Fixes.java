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

  /**
   * The strategies that apply; {@code rewriteProblem} is why this finding's code (not its field)
   * cannot take the SnapshotMap rewrite, or null.
   */
  static List<Strategy> strategies(
      ClassFacts facts, Shape shape, FieldRewrite rewrite, long target, String rewriteProblem) {
    List<Strategy> strategies = new ArrayList<>();
    if (snapshotProblem(facts, rewrite) == null && rewriteProblem == null) {
      strategies.add(Strategy.SNAPSHOT_MAP);
    }
    if (volatileProblem(shape, rewrite, target) == null) {
      strategies.add(Strategy.VOLATILE_PUBLISH);
    }
    if (shape == Shape.CLEAR_LOOP || shape == Shape.CLEAR_CALL) {
      strategies.add(Strategy.MINIMAL_CLEAR);
    }
    return strategies;
  }

  /** Why the field cannot be migrated to SnapshotMap here, or null. */
  private static String snapshotProblem(ClassFacts facts, FieldRewrite rewrite) {
    if (rewrite == null) {
      return "the map is not a field of this class";
    }
    if (!rewrite.snapshotMap().safe()) {
      return rewrite.snapshotMap().reason();
    }
    return facts.snapshotMapAvailable() ? null : "SnapshotMap is not on the class path";
  }

  /**
   * Why making the field volatile does not fix the finding whose code starts at {@code target}, or
   * null: the field's verdict, then what the shape needs.
   */
  private static String volatileProblem(Shape shape, FieldRewrite rewrite, long target) {
    if (rewrite == null) {
      return "the map is not a field of this class";
    }
    if (!rewrite.volatilePublish().safe()) {
      return rewrite.volatilePublish().reason();
    }
    return switch (shape) {
      case CLEAR_LOOP, CLEAR_CALL -> "a volatile field does not make removing entries atomic";
      case DRAIN_LOOP ->
          "a loop that processes each entry is rewritten only for SnapshotMap (drain())";
      case SYNC_ON_REASSIGNED -> "only a final SnapshotMap keeps the lock object fixed";
      case CLEAR_THEN_REFILL ->
          rewrite.refillBuilder() == FieldRewrite.RefillBuilder.NONE
              ? "which concurrent map class to build is unclear"
              : null;
      case REASSIGN_EMPTY, REASSIGN_VALUE -> {
        FieldRewrite.Assignment assignment =
            rewrite.assignments().stream()
                .filter(a -> a.start() == target)
                .findFirst()
                .orElse(null);
        if (assignment == null || !assignment.inBlock()) {
          yield "the assignment is not a statement of its own";
        }
        yield assignment.filledAfter() ? "the map is still filled after it is assigned" : null;
      }
    };
  }

  /** Why none of {@code strategies} applies, in words for a person; null when one does. */
  static String whyManual(
      ClassFacts facts,
      Shape shape,
      FieldRewrite rewrite,
      long target,
      List<Strategy> strategies,
      String rewriteProblem) {
    if (!strategies.isEmpty()) {
      return null;
    }
    String snapshot = snapshotProblem(facts, rewrite);
    if (snapshot == null) {
      snapshot = rewriteProblem;
    }
    String volatileField = volatileProblem(shape, rewrite, target);
    return snapshot.equals(volatileField) ? snapshot : snapshot + "; " + volatileField;
  }

  static FixPlan plan(
      ClassFacts facts,
      Shape shape,
      MapTarget map,
      Tree target,
      List<? extends Tree> related,
      String manualRecipe) {
    return plan(facts, shape, map, target, related, manualRecipe, null);
  }

  /**
   * The plan, where {@code rewriteProblem} says why the finding's own code cannot take the
   * SnapshotMap rewrite (a drain whose body also uses the map), or is null.
   */
  static FixPlan plan(
      ClassFacts facts,
      Shape shape,
      MapTarget map,
      Tree target,
      List<? extends Tree> related,
      String manualRecipe,
      String rewriteProblem) {
    FieldFacts field = map.field();
    FieldRewrite rewrite = rewrite(facts, field);
    FixPlan.Position at = facts.position(target);
    List<Strategy> strategies = strategies(facts, shape, rewrite, at.offset(), rewriteProblem);
    return new FixPlan(
        shape,
        strategies,
        map.text(),
        field == null ? null : facts.fieldRef(field),
        at,
        related.stream().map(facts::position).toList(),
        rewrite,
        whyManual(facts, shape, rewrite, at.offset(), strategies, rewriteProblem),
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
