package dev.clearguard.checker.fix;

import dev.clearguard.rules.Finding;
import dev.clearguard.rules.FixPlan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What {@link Fixer#fix} did to one file: the rewritten text and, for each finding, whether its fix
 * was applied or why it has to be done by hand.
 *
 * @param path the file, as given to {@link Fixer#fix}
 * @param original the text before the fixes
 * @param fixed the text after the fixes; equal to {@code original} when nothing was applied
 * @param outcomes one per finding given, in the same order
 * @param edits the replacements of {@code original} that make {@code fixed}, in text order, none
 *     overlapping another and at most one insertion at any offset; each names the findings whose
 *     fix needs it
 */
public record FixResult(
    String path, String original, String fixed, List<Outcome> outcomes, List<Edit> edits) {
  public FixResult {
    outcomes = List.copyOf(outcomes);
    edits = List.copyOf(edits);
  }

  /**
   * The edits that make up the fix of the finding at {@code index} (its position in the list given
   * to {@link Fixer#fix}): its own rewrites plus everything it shares with the other findings on
   * the same field (the field's migration, the rewrite of every assignment to it, the imports).
   * Applied on their own to {@link #original()} they give code that compiles; a shared edit is the
   * same object in the fix of every finding that needs it. Empty when the finding is manual.
   */
  public List<Edit> editsFor(int index) {
    return edits.stream().filter(e -> e.findings().contains(index)).toList();
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
   * A replacement of the characters {@code [start, end)} of the original text ({@code start ==
   * end}: an insertion).
   *
   * @param start the first character replaced, a 0-based offset into the original text
   * @param end the offset just after the last character replaced
   * @param replacement the new text
   * @param findings the indexes, in the list given to {@link Fixer#fix}, of the findings whose fix
   *     needs this edit, ascending
   */
  public record Edit(int start, int end, String replacement, List<Integer> findings) {
    public Edit {
      if (start < 0 || end < start) {
        throw new IllegalArgumentException("bad range [" + start + ", " + end + ")");
      }
      findings = List.copyOf(findings);
    }

    /** An edit the fixer plans, before it knows which findings need it. */
    static Edit planned(int start, int end, String replacement) {
      return new Edit(start, end, replacement, List.of());
    }

    boolean isInsertion() {
      return start == end;
    }

    /** Whether the two edits cannot both be made. */
    boolean overlaps(Edit other) {
      if (start == end || other.start == other.end) {
        // insertions conflict only with an edit that replaces around them
        int at = start == end ? start : other.start;
        Edit range = start == end ? other : this;
        return range.start < at && at < range.end;
      }
      return start < other.end && other.start < end;
    }

    /**
     * {@code text} with the edits made; they must not overlap. Insertions at the offset where a
     * replacement starts go before its text, as in Error Prone's patcher.
     */
    public static String apply(String text, List<Edit> edits) {
      List<Edit> sorted = new ArrayList<>(edits);
      sorted.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end));
      StringBuilder out = new StringBuilder();
      int at = 0;
      for (Edit edit : sorted) {
        if (edit.start() < at) {
          throw new IllegalArgumentException("overlapping edit " + edit);
        }
        out.append(text, at, edit.start()).append(edit.replacement());
        at = edit.end();
      }
      return out.append(text, at, text.length()).toString();
    }
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
