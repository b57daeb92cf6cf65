package dev.clearguard.rules;

import java.util.List;
import java.util.Objects;

/**
 * What a fixer has to rewrite for one finding, as plain data: the shape of the offending code, the
 * rewrite strategies that apply (preferred first), and where the code is. Positions are those of
 * the javac trees' starts; a fixer re-parses the file and finds its nodes by these positions, since
 * javac's end positions are not reliable in a plugin.
 *
 * @param shape what the offending code is
 * @param strategies the rewrites that apply, preferred first; empty when only {@link
 *     #manualRecipe()} applies
 * @param mapExpression the map as the source names it at the finding, e.g. {@code sessions}
 * @param field the field holding the map, or null when the map is not a field of the analysed class
 *     (a parameter, another object's field)
 * @param target the statement to rewrite: the loop, the call's statement, the {@code clear()}
 *     statement, the assignment's statement or the {@code synchronized} statement
 * @param related further statements the rewrite spans: for {@link Shape#CLEAR_THEN_REFILL}, the
 *     statements that refill the map after {@code clear()}
 * @param manualRecipe one sentence telling a person how to fix it by hand
 */
public record FixPlan(
    Shape shape,
    List<Strategy> strategies,
    String mapExpression,
    FieldRef field,
    Position target,
    List<Position> related,
    String manualRecipe) {

  public FixPlan {
    Objects.requireNonNull(shape, "shape");
    strategies = List.copyOf(strategies);
    Objects.requireNonNull(mapExpression, "mapExpression");
    Objects.requireNonNull(target, "target");
    related = List.copyOf(related);
    Objects.requireNonNull(manualRecipe, "manualRecipe");
  }

  /** The preferred strategy, or null when none applies automatically. */
  public Strategy preferred() {
    return strategies.isEmpty() ? null : strategies.get(0);
  }

  /** What the offending code is. */
  public enum Shape {
    /** A loop that removes every entry and does nothing else with them. */
    CLEAR_LOOP,
    /** A loop that removes every entry and also processes each one (a drain). */
    DRAIN_LOOP,
    /** A single call that removes every entry ({@code removeIf(x -> true)}, {@code forEach}). */
    CLEAR_CALL,
    /** {@code m.clear()} followed by a refill of the same map. */
    CLEAR_THEN_REFILL,
    /** {@code m = new X<>()}: the field is reset to an empty map. */
    REASSIGN_EMPTY,
    /** {@code m = value}: the field is reset to other contents. */
    REASSIGN_VALUE,
    /** {@code synchronized (m)} on a map field that is reassigned. */
    SYNC_ON_REASSIGNED
  }

  /** A rewrite, in ARCHITECTURE.md's order of preference. */
  public enum Strategy {
    /** Make the field a final {@code SnapshotMap} and use its atomic clear/swap/drain. */
    SNAPSHOT_MAP,
    /** Make the field volatile and publish a complete map in one assignment. */
    VOLATILE_PUBLISH,
    /** Replace the iterate-and-remove code by one {@code clear()} call. */
    MINIMAL_CLEAR
  }

  /**
   * A field declaration.
   *
   * @param owner the declaring class's binary name
   * @param name the field's simple name
   * @param declaration the position of the field's declaration
   * @param declaredType the declared type as javac prints it, e.g. {@code Map<String, Session>}
   * @param visibility {@code private}, {@code package}, {@code protected} or {@code public}
   */
  public record FieldRef(
      String owner, String name, Position declaration, String declaredType, String visibility) {}

  /** A place in the source: 1-based line and column, 0-based character offset. */
  public record Position(long line, long column, long offset) {}
}
