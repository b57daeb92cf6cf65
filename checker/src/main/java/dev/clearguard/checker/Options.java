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
import javax.tools.Diagnostic;

/**
 * The plugin's options, parsed once from {@code -Xplugin:"ClearGuard key=value ..."}. A bad option
 * is rejected with a message naming it and listing what is valid.
 *
 * @param severity how findings reach javac: notes (the default), warnings, errors, or each at its
 *     rule's severity
 * @param rules the enabled rules, sorted by name
 * @param json where to write every finding of the compilation as JSON, or null
 * @param patch where to write the unified diff of every fix, or null
 */
public record Options(Severity severity, List<Rule> rules, Path json, Path patch) {
  static final List<String> KEYS = List.of("severity", "disable", "only", "json", "patch");

  /**
   * How a finding reaches javac ({@code severity=}). No javac diagnostic is both shown under {@code
   * -nowarn} and left uncounted by {@code -Werror}, so the default is the one that can never fail a
   * build, and the plugin also lists its notes on standard error when the compilation ends (see
   * {@link ConsoleSummary}).
   */
  public enum Severity {
    /** A note at the finding's line: {@code -Werror} never counts it; {@code -nowarn} hides it. */
    NOTE,
    /**
     * A mandatory warning: {@code -nowarn} and {@code -Xlint:none} cannot hide it, but {@code
     * -Werror} counts it.
     */
    WARNING,
    /** An error: the compilation fails. */
    ERROR,
    /**
     * Each finding at its rule's {@linkplain dev.clearguard.rules.Rule#severity() severity}: an
     * error for the rules that declare {@code error}, a mandatory warning for the others.
     */
    RULE;

    /** The javac diagnostic kind a finding of a rule of severity {@code declared} gets. */
    public Diagnostic.Kind kind(dev.clearguard.rules.Severity declared) {
      return switch (this) {
        case NOTE -> Diagnostic.Kind.NOTE;
        case WARNING -> Diagnostic.Kind.MANDATORY_WARNING;
        case ERROR -> Diagnostic.Kind.ERROR;
        case RULE ->
            declared == dev.clearguard.rules.Severity.ERROR
                ? Diagnostic.Kind.ERROR
                : Diagnostic.Kind.MANDATORY_WARNING;
      };
    }
  }

  public static Options defaults() {
    return new Options(Severity.NOTE, Rules.all(), null, null);
  }

  /** Parses plugin arguments, each {@code key=value}. */
  public static Options parse(String... args) {
    Severity severity = Severity.NOTE;
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
          "ClearGuard: severity='"
              + value
              + "' is not valid; valid values: note (the default), warning, error, rule");
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
