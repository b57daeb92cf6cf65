package dev.clearguard.rules;

import dev.clearguard.rules.facts.ClassFacts;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One ClearGuard check. Implementations are stateless, discovered through {@link
 * java.util.ServiceLoader}, and never print: they hand their findings to the sink.
 *
 * <p>A rule is one unit: everything the front ends say about it is declared here, on the rule (its
 * {@link #name() name}, {@link #summary() summary}, {@link #severity() severity}, {@link #docsUrl()
 * page}, {@link #tags() tags} and the {@link #fixes() fixes it offers}), and read from here by the
 * diagnostics, the Error Prone checks (generated from these at build time), the SARIF and HTML
 * reports, the levels and the catalogue's checks of the docs.
 */
public interface Rule {

  /** The rule's name: diagnostic tag, {@code @SuppressWarnings} key, doc page and class name. */
  default String name() {
    return getClass().getSimpleName();
  }

  /** One imperative line, no trailing period, saying what the rule flags. */
  String summary();

  /**
   * How serious this rule's findings are. Declared here once; reports, levels and the plugins'
   * gating options all read it (see {@link Severity}).
   */
  Severity severity();

  /**
   * The rule's page, an absolute URL (SARIF's {@code helpUri}, Error Prone's {@code link}): {@code
   * docs/rules/<name>.md} under {@link Rules#DOCS_BASE}.
   */
  default String docsUrl() {
    return Rules.DOCS_BASE + name() + ".md";
  }

  /**
   * Error Prone's tags for the check ({@code BugPattern.StandardTags} names), also the SARIF rule's
   * {@code tags}. Every ClearGuard rule is about concurrency.
   */
  default List<String> tags() {
    return List.of(Rules.CONCURRENCY);
  }

  /**
   * The automatic rewrites this rule's findings may offer: each finding's {@link FixPlan} lists
   * those of them that apply to its code, preferred first. Empty, the default, for a rule whose
   * findings are fixed by hand, following the {@linkplain FixPlan#manualRecipe() recipe} its
   * message carries.
   */
  default Set<FixPlan.Strategy> fixes() {
    return Set.of();
  }

  /**
   * Whether this rule could report anything in the class {@code outline} describes. Answering false
   * lets the analysis skip a class that no enabled rule could report in; a rule must answer true
   * whenever {@link #check} might report. The default, true, is always correct.
   */
  default boolean mayReport(Outline outline) {
    return true;
  }

  /** Reports every finding of this rule in the class the facts describe. */
  void check(ClassFacts facts, Consumer<Finding> sink);
}
