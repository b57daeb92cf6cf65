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

  /** Reports every finding of this rule in the class the facts describe. */
  void check(ClassFacts facts, Consumer<Finding> sink);
}
