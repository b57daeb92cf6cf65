package dev.clearguard.maven;

import dev.clearguard.rules.Rules;
import dev.clearguard.rules.Severity;
import java.util.Locale;

/**
 * A finding's level in the reports and for {@code failOnSeverity}: the {@linkplain
 * dev.clearguard.rules.Rule#severity() severity its rule declares}, nothing decided here.
 */
enum Level {
  WARNING,
  ERROR;

  static Level of(String rule) {
    return Rules.severityOf(rule) == Severity.ERROR ? ERROR : WARNING;
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
