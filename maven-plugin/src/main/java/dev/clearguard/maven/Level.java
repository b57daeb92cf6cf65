package dev.clearguard.maven;

import java.util.Locale;
import java.util.Map;

/**
 * How severe a rule's findings are, as SARIF levels. The three rules whose race loses writes, shows
 * an empty map or breaks mutual exclusion on every run are errors; UnsafeMapReassignment, whose
 * stale reads depend on how the field is used elsewhere, is a warning.
 */
enum Level {
  WARNING,
  ERROR;

  private static final Map<String, Level> BY_RULE =
      Map.of(
          "IterateRemoveClear", ERROR,
          "ClearThenRefill", ERROR,
          "SyncOnReassignedMap", ERROR,
          "UnsafeMapReassignment", WARNING);

  static Level of(String rule) {
    return BY_RULE.getOrDefault(rule, WARNING);
  }

  /** The SARIF {@code level} value. */
  String sarif() {
    return name().toLowerCase(Locale.ROOT);
  }

  boolean atLeast(Level other) {
    return compareTo(other) >= 0;
  }

  /** Parses {@code clearguard.failOnSeverity}; a bad value names the parameter and the choices. */
  static Level parse(String parameter, String value) {
    if (value != null) {
      for (Level level : values()) {
        if (level.sarif().equalsIgnoreCase(value.trim())) {
          return level;
        }
      }
    }
    throw new IllegalArgumentException(
        parameter + "='" + value + "' is not valid; valid values: warning, error");
  }
}
