package dev.clearguard.checker.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.BugPattern;
import com.google.errorprone.bugpatterns.BugChecker;
import dev.clearguard.rules.Rule;
import dev.clearguard.rules.Rules;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Error Prone checks are generated from the catalogue at build time (build-support's {@code
 * BugCheckerGenerator}): one per rule, named after it, with the rule's summary, page and tags.
 */
final class BugPatternsTest {
  private static final String SERVICES =
      "META-INF/services/" + BugChecker.class.getName(); // what Error Prone's loader reads

  /** Every rule has its check {@code dev.clearguard.checker.errorprone.<RuleName>}. */
  private static Class<? extends ClearGuardChecker> check(Rule rule) {
    try {
      return Class.forName(ClearGuardChecker.class.getPackageName() + "." + rule.name())
          .asSubclass(ClearGuardChecker.class);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(rule.name() + " has no Error Prone check", e);
    }
  }

  @Test
  void positiveEveryRuleIsACheckOfTheSameNameWithItsSummaryAndPage() {
    assertFalse(Rules.all().isEmpty());
    for (Rule rule : Rules.all()) {
      BugPattern pattern = check(rule).getAnnotation(BugPattern.class);
      assertNotNull(pattern, rule.name());
      assertEquals("", pattern.name(), rule.name() + ": the check is named after its class");
      assertEquals(rule.summary(), pattern.summary(), rule.name());
      assertEquals(BugPattern.LinkType.CUSTOM, pattern.linkType(), rule.name());
      assertEquals(rule.docsUrl(), pattern.link(), rule.name());
      assertEquals(List.of(), List.of(pattern.suppressionAnnotations()), rule.name());
    }
  }

  /** Error Prone's loader finds exactly the checks of the catalogue: none missing, none stale. */
  @Test
  void positiveTheServiceFileListsExactlyOneCheckPerRule() throws IOException {
    TreeSet<String> listed = new TreeSet<>();
    Enumeration<URL> files = getClass().getClassLoader().getResources(SERVICES);
    while (files.hasMoreElements()) {
      try (BufferedReader in =
          new BufferedReader(
              new InputStreamReader(files.nextElement().openStream(), StandardCharsets.UTF_8))) {
        in.lines()
            .map(String::strip)
            .filter(line -> line.startsWith(ClearGuardChecker.class.getPackageName() + "."))
            .forEach(listed::add);
      }
    }
    assertEquals(
        Rules.all().stream()
            .map(rule -> check(rule).getName())
            .collect(Collectors.toCollection(TreeSet::new)),
        listed);
  }

  /**
   * Error Prone users filter and group checks by tag; every ClearGuard check is a concurrency one.
   */
  @Test
  void positiveEveryCheckIsTaggedConcurrency() {
    for (Rule rule : Rules.all()) {
      BugPattern pattern = check(rule).getAnnotation(BugPattern.class);
      assertEquals(
          List.of(BugPattern.StandardTags.CONCURRENCY),
          List.of(pattern.tags()),
          rule.name() + "'s tags");
      assertEquals(rule.tags(), List.of(pattern.tags()), rule.name() + "'s tags");
    }
  }

  /**
   * Error Prone reports a SUGGESTION as a note, which {@code -Werror} does not count: adding the
   * checks cannot fail a build that passed. Users raise a check with {@code -Xep:Name:WARN} or
   * {@code :ERROR}; Error Prone has no flag to lower one to a suggestion, so the default must be
   * the lowest. The rule's own severity is what docs/guide-errorprone.md advises raising to.
   */
  @Test
  void positiveEveryCheckIsASuggestionSoWerrorBuildsKeepPassing() {
    for (Rule rule : Rules.all()) {
      Class<? extends ClearGuardChecker> check = check(rule);
      assertEquals(
          BugPattern.SeverityLevel.SUGGESTION,
          check.getAnnotation(BugPattern.class).severity(),
          check.getSimpleName());
      assertTrue(
          Rules.named(check.getSimpleName()) != null,
          check.getSimpleName() + " adapts a rule of the same name");
    }
  }
}
