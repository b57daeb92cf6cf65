package dev.clearguard.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The catalogue of rules, discovered through {@link ServiceLoader} so none is hand-listed. */
public final class Rules {
  /** Where the rules' pages live: a rule's page is this plus {@code <RuleName>.md}. */
  public static final String DOCS_BASE =
      "https://github.com/clearguard/clearguard/blob/main/docs/rules/";

  /** Error Prone's {@code BugPattern.StandardTags.CONCURRENCY}, the tag of every rule. */
  public static final String CONCURRENCY = "Concurrency";

  private static final List<Rule> ALL = load();

  private Rules() {}

  /** Every rule on the class path, sorted by name. */
  public static List<Rule> all() {
    return ALL;
  }

  /** The names of {@link #all()}, comma-separated, for messages that list the valid ones. */
  public static String names() {
    return ALL.stream().map(Rule::name).collect(Collectors.joining(", "));
  }

  /** The rule with this exact name, or null. */
  public static Rule named(String name) {
    for (Rule rule : ALL) {
      if (rule.name().equals(name)) {
        return rule;
      }
    }
    return null;
  }

  /**
   * The severity the named rule declares; a finding of a rule this build does not know (from a
   * report written by another version) counts as a warning.
   */
  public static Severity severityOf(String name) {
    Rule rule = named(name);
    return rule != null ? rule.severity() : Severity.WARNING;
  }

  private static List<Rule> load() {
    List<Rule> rules = new ArrayList<>();
    // The rules' own class loader: inside javac the context loader is the application's, which
    // may not see the processor path this jar was loaded from.
    ServiceLoader.load(Rule.class, Rule.class.getClassLoader()).forEach(rules::add);
    rules.sort(Comparator.comparing(Rule::name));
    return List.copyOf(rules);
  }
}
