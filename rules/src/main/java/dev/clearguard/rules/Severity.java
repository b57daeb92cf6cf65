package dev.clearguard.rules;

/**
 * How serious a rule's findings are, declared once on the rule ({@link Rule#severity()}) and read
 * by every front end: the SARIF {@code level} and HTML report, {@code clearguard:check}'s {@code
 * failOnSeverity}, and the javac plugin's {@code severity=rule}.
 *
 * <p>Severity says how bad a finding is, not whether it stops a build: adding ClearGuard must never
 * fail a build that passed without it, so every front end reports findings without failing by
 * default, and a build gates on them only when its owner asks (docs/guide.md, "Severity").
 */
public enum Severity {
  /**
   * The race can show a stale map, depending on how the field is used elsewhere: a reader that
   * re-reads the field each time, or a publication that happens to be safe, makes it harmless.
   */
  WARNING,
  /**
   * The race loses writes, shows an empty or half-built map, or breaks mutual exclusion whenever
   * the code runs while other threads use the map.
   */
  ERROR;

  /** The name in reports and options: {@code warning} or {@code error}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
