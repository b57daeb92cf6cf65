package dev.clearguard.checker;

import dev.clearguard.rules.Rule;
import dev.clearguard.rules.Rules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The plugin's options, parsed once from {@code -Xplugin:"ClearGuard key=value ..."}. A bad option
 * is rejected with a message naming it and listing what is valid.
 *
 * @param severity how findings are reported
 * @param rules the enabled rules, sorted by name
 * @param json where to write every finding of the compilation as JSON, or null
 * @param patch where to write the unified diff of every fix, or null
 */
public record Options(Severity severity, List<Rule> rules, Path json, Path patch) {
  static final List<String> KEYS = List.of("severity", "disable", "only", "json", "patch");

  /** How a finding reaches the user. */
  public enum Severity {
    /** A warning that {@code -nowarn} and {@code -Xlint:none} cannot hide. */
    WARNING,
    /** An error: the compilation fails. */
    ERROR
  }

  public static Options defaults() {
    return new Options(Severity.WARNING, Rules.all(), null, null);
  }

  /** Parses plugin arguments, each {@code key=value}. */
  public static Options parse(String... args) {
    Severity severity = Severity.WARNING;
    Set<String> only = null;
    Set<String> disabled = new LinkedHashSet<>();
    Path json = null;
    Path patch = null;
    for (String arg : args) {
      if (arg == null || arg.isBlank()) {
        continue;
      }
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        throw new InvalidOptionException(
            "ClearGuard: option '"
                + arg
                + "' is not of the form key=value; valid keys: "
                + String.join(", ", KEYS));
      }
      String key = arg.substring(0, eq);
      String value = arg.substring(eq + 1);
      switch (key) {
        case "severity" -> severity = severity(value);
        case "disable" -> disabled.addAll(ruleNames(key, value));
        case "only" -> only = new LinkedHashSet<>(ruleNames(key, value));
        case "json" -> json = path(key, value);
        case "patch" -> patch = path(key, value);
        default ->
            throw new InvalidOptionException(
                "ClearGuard: unknown option '"
                    + key
                    + "'; valid options: "
                    + String.join(", ", KEYS));
      }
    }
    List<Rule> rules = new ArrayList<>();
    for (Rule rule : Rules.all()) {
      if ((only == null || only.contains(rule.name())) && !disabled.contains(rule.name())) {
        rules.add(rule);
      }
    }
    return new Options(severity, List.copyOf(rules), json, patch);
  }

  private static Severity severity(String value) {
    try {
      return Severity.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidOptionException(
          "ClearGuard: severity='" + value + "' is not valid; valid values: warning, error");
    }
  }

  private static List<String> ruleNames(String key, String value) {
    List<String> names =
        Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    if (names.isEmpty()) {
      throw new InvalidOptionException(
          "ClearGuard: " + key + "= needs at least one rule name; valid rules: " + Rules.names());
    }
    for (String name : names) {
      if (Rules.named(name) == null) {
        throw new InvalidOptionException(
            "ClearGuard: "
                + key
                + "="
                + value
                + " names unknown rule '"
                + name
                + "'; valid rules: "
                + Rules.names());
      }
    }
    return names;
  }

  private static Path path(String key, String value) {
    if (value.isBlank()) {
      throw new InvalidOptionException("ClearGuard: " + key + "= needs a file path");
    }
    try {
      return Path.of(value);
    } catch (java.nio.file.InvalidPathException e) {
      throw new InvalidOptionException(
          "ClearGuard: " + key + "=" + value + " is not a valid file path: " + e.getReason());
    }
  }

  /** A plugin option that cannot be used; its message says which and what is valid. */
  public static final class InvalidOptionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidOptionException(String message) {
      super(message);
    }
  }
}
