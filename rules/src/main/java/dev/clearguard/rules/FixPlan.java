package dev.clearguard.rules;

import java.util.List;
import java.util.Objects;

/**
 * What a fixer has to rewrite for one finding, as plain data: the shape of the offending code, the
 * rewrite strategies that apply (preferred first), and where the code is. Positions are those of
 * the javac trees' starts; a fixer re-parses the file and finds its nodes by these positions, since
 * javac's end positions are not reliable in a plugin.
 *
 * @param shape what the offending code is, or null when no automatic fix exists for it: a rule that
 *     only detects gives a plan with {@link #manual} and needs nothing from the fix vocabulary
 * @param strategies the rewrites that apply, preferred first; empty when only {@link
 *     #manualRecipe()} applies
 * @param mapExpression the map as the source names it at the finding, e.g. {@code sessions}
 * @param field the field holding the map, or null when the map is not a field of the analysed class
 *     (a parameter, another object's field)
 * @param target the statement to rewrite: the loop, the call's statement, the {@code clear()}
 *     statement, the assignment's statement or the {@code synchronized} statement
 * @param related further code the rewrite spans: for {@link Shape#CLEAR_THEN_REFILL}, the
 *     statements that refill the map after {@code clear()}; for a {@link Shape#CLEAR_LOOP} over an
 *     iterator, the iterator's declaration; for a {@link Shape#DRAIN_LOOP} over a view, the view
 *     call ({@code m.keySet()}) and the statement that removes the entry
 * @param rewrite javac's answers about {@link #field()} (every reference and assignment, the
 *     migration verdicts), or null when the map is not a field of the analysed class
 * @param whyManual when {@code strategies} is empty, why no automatic fix applies (for a person);
 *     else null
 * @param manualRecipe one sentence telling a person how to fix it by hand
 */
public record FixPlan(
    Shape shape,
    List<Strategy> strategies,
    String mapExpression,
    FieldRef field,
    Position target,
    List<Position> related,
    FieldRewrite rewrite,
    String whyManual,
    String manualRecipe) {

  public FixPlan {
    strategies = List.copyOf(strategies);
    if (shape == null && !strategies.isEmpty()) {
      throw new IllegalArgumentException("a plan without a shape has no automatic strategy");
    }
    Objects.requireNonNull(mapExpression, "mapExpression");
    Objects.requireNonNull(target, "target");
    related = List.copyOf(related);
    Objects.requireNonNull(manualRecipe, "manualRecipe");
  }

  /**
   * A plan with only a manual recipe: no shape, no strategy, no field rewrite.
   *
   * @param mapExpression the map as the source names it at the finding
   * @param field the field holding the map, or null
   * @param target where the code to fix starts
   * @param manualRecipe one sentence telling a person how to fix it by hand
   */
  public static FixPlan manual(
      String mapExpression, FieldRef field, Position target, String manualRecipe) {
    return new FixPlan(
        null,
        List.of(),
        mapExpression,
        field,
        target,
        List.of(),
        null,
        "no automatic fix exists for this finding",
        manualRecipe);
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

  /**
   * A rewrite, in ARCHITECTURE.md's order of preference. Its wording lives here only: the messages'
   * fix sentences, the HTML report and the suggested fixes all take it from {@link #describe}.
   */
  public enum Strategy {
    /** Make the field a final {@code SnapshotMap} and use its atomic clear/swap/drain. */
    SNAPSHOT_MAP,
    /** Make the field volatile and publish a complete map in one assignment. */
    VOLATILE_PUBLISH,
    /** Replace the iterate-and-remove code by one {@code clear()} call. */
    MINIMAL_CLEAR;

    /** The rewrite in one sentence naming the map, without the final period. */
    public String describe(String map) {
      return switch (this) {
        case SNAPSHOT_MAP ->
            "Migrate `" + map + "` to SnapshotMap and use its atomic clear/swap/drain";
        case VOLATILE_PUBLISH ->
            "Make `" + map + "` volatile and publish a complete map in one assignment";
        case MINIMAL_CLEAR -> "Replace the iterate-and-remove code by `" + map + ".clear()`";
      };
    }

    /**
     * The rewrite of one shape of finding, in lower case for the middle of a message's fix
     * sentence: {@code migrate `m` to SnapshotMap and call `m.clear()` (atomic, O(1))}.
     *
     * @param shape the finding's shape, or null when it has none
     * @param map the map's name
     * @param finalField whether the field is final now (a volatile one no longer is)
     */
    public String describe(Shape shape, String map, boolean finalField) {
      return switch (this) {
        case SNAPSHOT_MAP ->
            shape == null
                ? "migrate `" + map + "` to SnapshotMap and use its atomic clear/swap/drain"
                : switch (shape) {
                  case CLEAR_LOOP, CLEAR_CALL, REASSIGN_EMPTY ->
                      "migrate `"
                          + map
                          + "` to SnapshotMap and call `"
                          + map
                          + ".clear()` (atomic, O(1))";
                  case DRAIN_LOOP ->
                      "migrate `"
                          + map
                          + "` to SnapshotMap and loop over `"
                          + map
                          + ".drain()` (atomic, lossless)";
                  case CLEAR_THEN_REFILL, REASSIGN_VALUE ->
                      "migrate `"
                          + map
                          + "` to SnapshotMap and install the new contents with `"
                          + map
                          + ".swap(fresh)` (atomic)";
                  case SYNC_ON_REASSIGNED ->
                      "migrate `"
                          + map
                          + "` to a final SnapshotMap and reset it with clear()/swap()"
                          + " instead of reassigning it";
                };
        case VOLATILE_PUBLISH ->
            "make `"
                + map
                + (finalField ? "` volatile instead of final" : "` volatile")
                + " and publish a complete new map in one assignment";
        case MINIMAL_CLEAR -> "call `" + map + ".clear()` instead (one call, no lost-write window)";
      };
    }
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
