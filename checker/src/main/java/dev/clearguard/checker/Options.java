package dev.clearguard.checker;

import dev.clearguard.rules.Rule;
import dev.clearguard.rules.Rules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
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
public record Options(DiagnosticSeverity severity, List<Rule> rules, Path json, Path patch) {
  static final List<String> KEYS = List.of("severity", "disable", "only", "json", "patch");

  /**
   * How a finding reaches javac ({@code severity=}). No javac diagnostic is both shown under {@code
   * -nowarn} and left uncounted by {@code -Werror}, so the default is the one that can never fail a
   * build, and the plugin also lists its notes on standard error when the compilation ends (see
   * {@link ConsoleSummary}).
   */
  public enum DiagnosticSeverity {
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
    return new Options(DiagnosticSeverity.NOTE, Rules.all(), null, null);
  }

  /**
   * Options from typed values, for front ends that have them as such (the Maven plugin): each value
   * is checked as {@link #parse} checks its text, with the same messages.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Parses plugin arguments, each {@code key=value}. */
  public static Options parse(String... args) {
    Builder options = builder();
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
        case "severity" -> options.severity(severity(value));
        case "disable" -> options.disable(ruleNames(key, value, names(value)));
        case "only" -> options.only(ruleNames(key, value, names(value)));
        case "json" -> options.json(path(key, value));
        case "patch" -> options.patch(path(key, value));
        default ->
            throw new InvalidOptionException(
                "ClearGuard: unknown option '"
                    + key
                    + "'; valid options: "
                    + String.join(", ", KEYS));
      }
    }
    return options.build();
  }

  /**
   * Collects options one by one; {@link #build} applies them. Like repeated {@code key=value}
   * arguments, a later {@code only} replaces an earlier one and {@code disable} adds to the
   * disabled rules.
   */
  public static final class Builder {
    private DiagnosticSeverity severity = DiagnosticSeverity.NOTE;
    private Set<String> only;
    private final Set<String> disabled = new LinkedHashSet<>();
    private Path json;
    private Path patch;

    private Builder() {}

    public Builder severity(DiagnosticSeverity severity) {
      this.severity = Objects.requireNonNull(severity, "severity");
      return this;
    }

    /**
     * Runs only the named rules ({@code only=}).
     *
     * @throws InvalidOptionException when there is no name or a name is not a rule's
     */
    public Builder only(Collection<String> ruleNames) {
      only = new LinkedHashSet<>(ruleNames("only", String.join(",", ruleNames), ruleNames));
      return this;
    }

    /**
     * Does not run the named rules ({@code disable=}).
     *
     * @throws InvalidOptionException when there is no name or a name is not a rule's
     */
    public Builder disable(Collection<String> ruleNames) {
      disabled.addAll(ruleNames("disable", String.join(",", ruleNames), ruleNames));
      return this;
    }

    /** Where to write the JSON report ({@code json=}); null for none. */
    public Builder json(Path json) {
      this.json = json;
      return this;
    }

    /** Where to write the unified diff of every fix ({@code patch=}); null for none. */
    public Builder patch(Path patch) {
      this.patch = patch;
      return this;
    }

    public Options build() {
      List<Rule> rules = new ArrayList<>();
      for (Rule rule : Rules.all()) {
        if ((only == null || only.contains(rule.name())) && !disabled.contains(rule.name())) {
          rules.add(rule);
        }
      }
      return new Options(severity, List.copyOf(rules), json, patch);
    }
  }

  private static DiagnosticSeverity severity(String value) {
    try {
      return DiagnosticSeverity.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidOptionException(
          "ClearGuard: severity='"
              + value
              + "' is not valid; valid values: note (the default), warning, error, rule");
    }
  }

  /** The rule names in a comma-separated list, blanks around them and empty entries dropped. */
  public static List<String> names(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /** The names, checked: at least one, each a rule's; {@code value} is how the user wrote them. */
  private static List<String> ruleNames(String key, String value, Collection<String> names) {
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
    return List.copyOf(names);
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
