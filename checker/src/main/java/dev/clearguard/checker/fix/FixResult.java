package dev.clearguard.checker.fix;

import dev.clearguard.rules.Finding;
import dev.clearguard.rules.FixPlan;
import java.util.List;

/**
 * What {@link Fixer#fix} did to one file: the rewritten text and, for each finding, whether its fix
 * was applied or why it has to be done by hand.
 *
 * @param path the file, as given to {@link Fixer#fix}
 * @param original the text before the fixes
 * @param fixed the text after the fixes; equal to {@code original} when nothing was applied
 * @param outcomes one per finding given, in the same order
 */
public record FixResult(String path, String original, String fixed, List<Outcome> outcomes) {
  public FixResult {
    outcomes = List.copyOf(outcomes);
  }

  /** Whether any fix changed the text. */
  public boolean changed() {
    return !original.equals(fixed);
  }

  /** The findings whose fix is in {@link #fixed()}. */
  public List<Outcome> applied() {
    return outcomes.stream().filter(Outcome::applied).toList();
  }

  /** The findings left for a person, each with its manual recipe. */
  public List<Outcome> manual() {
    return outcomes.stream().filter(o -> !o.applied()).toList();
  }

  /** The unified diff of this file's fixes, or the empty string. */
  public String diff() {
    return UnifiedDiff.render(path, path, original, fixed);
  }

  /**
   * One finding's fate.
   *
   * @param finding the finding
   * @param strategy the rewrite applied, or null when the fix is manual
   * @param reason why no rewrite applied (null when applied)
   */
  public record Outcome(Finding finding, FixPlan.Strategy strategy, String reason) {
    public boolean applied() {
      return strategy != null;
    }

    /** The finding's own recipe for fixing it by hand. */
    public String manualRecipe() {
      return finding.fixPlan().manualRecipe();
    }

    @Override
    public String toString() {
      return finding.rule()
          + " at line "
          + finding.line()
          + (applied() ? ": applied " + strategy : ": manual (" + reason + ")");
    }
  }
}
