package dev.clearguard.rules;

import com.sun.source.util.TreePath;
import java.util.Objects;

/**
 * One reported problem: which rule, where, what goes wrong, and how to fix it.
 *
 * <p>Lines and columns are 1-based. {@link #path()} is the javac tree the finding is reported at;
 * it is only available during the compilation that produced the finding and is left out of equality
 * and of every report.
 */
public final class Finding {
  private final String rule;
  private final String file;
  private final long line;
  private final long column;
  private final long position;
  private final String message;
  private final FixPlan fixPlan;
  private final TreePath path;
  private final Condition condition;

  /**
   * What a finding still needs from the rest of the compilation: whether the code it is about can
   * run while other threads use the map, and whether some lock orders every use, depend on every
   * method's callers, which are known only once every class has been walked.
   */
  @FunctionalInterface
  public interface Condition {
    /** A condition that always holds: the finding needs nothing from the rest of the program. */
    Condition ALWAYS = program -> true;

    boolean holds(dev.clearguard.rules.facts.Program program);
  }

  public Finding(
      String rule,
      String file,
      long line,
      long column,
      long position,
      String message,
      FixPlan fixPlan,
      TreePath path) {
    this(rule, file, line, column, position, message, fixPlan, path, Condition.ALWAYS);
  }

  private Finding(
      String rule,
      String file,
      long line,
      long column,
      long position,
      String message,
      FixPlan fixPlan,
      TreePath path,
      Condition condition) {
    this.condition = Objects.requireNonNull(condition, "condition");
    this.rule = Objects.requireNonNull(rule, "rule");
    this.file = Objects.requireNonNull(file, "file");
    this.line = line;
    this.column = column;
    this.position = position;
    this.message = Objects.requireNonNull(message, "message");
    this.fixPlan = Objects.requireNonNull(fixPlan, "fixPlan");
    this.path = path;
  }

  /** The rule's name, which is also its diagnostic tag and {@code @SuppressWarnings} key. */
  public String rule() {
    return rule;
  }

  /** The source file as javac names it (an absolute path for files on disk). */
  public String file() {
    return file;
  }

  public long line() {
    return line;
  }

  public long column() {
    return column;
  }

  /** Character offset of the reported tree's start in the file. */
  public long position() {
    return position;
  }

  /** Two sentences: what goes wrong at run time, then the preferred fix. */
  public String message() {
    return message;
  }

  public FixPlan fixPlan() {
    return fixPlan;
  }

  /** What the finding still needs from the whole program before it is reported. */
  public Condition condition() {
    return condition;
  }

  /** This finding, reported only when {@code more} holds as well. */
  public Finding when(Condition more) {
    Condition mine = condition;
    Condition both = mine == Condition.ALWAYS ? more : p -> mine.holds(p) && more.holds(p);
    return new Finding(rule, file, line, column, position, message, fixPlan, path, both);
  }

  /** The reported tree, or null when the finding did not come from a live compilation. */
  public TreePath path() {
    return path;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Finding f
        && rule.equals(f.rule)
        && file.equals(f.file)
        && line == f.line
        && column == f.column
        && position == f.position
        && message.equals(f.message)
        && fixPlan.equals(f.fixPlan);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rule, file, line, column, message);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": [" + rule + "] " + message;
  }
}
