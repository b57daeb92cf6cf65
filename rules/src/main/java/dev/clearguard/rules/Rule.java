package dev.clearguard.rules;

import dev.clearguard.rules.facts.ClassFacts;
import java.util.function.Consumer;

/**
 * One ClearGuard check. Implementations are stateless, discovered through {@link
 * java.util.ServiceLoader}, and never print: they hand their findings to the sink.
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
