package dev.clearguard.checker.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.errorprone.BugPattern;
import java.util.List;
import org.junit.jupiter.api.Test;

final class BugPatternsTest {
  /**
   * Error Prone users filter and group checks by tag; every ClearGuard check is a concurrency one.
   */
  @Test
  void positiveEveryCheckIsTaggedConcurrency() {
    for (Class<?> check :
        List.of(
            IterateRemoveClear.class,
            ClearThenRefill.class,
            SyncOnReassignedMap.class,
            UnsafeMapReassignment.class)) {
      BugPattern pattern = check.getAnnotation(BugPattern.class);
      assertEquals(
          List.of(BugPattern.StandardTags.CONCURRENCY),
          List.of(pattern.tags()),
          check.getSimpleName() + "'s tags");
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
    for (Class<? extends ClearGuardChecker> check :
        List.of(
            IterateRemoveClear.class,
            ClearThenRefill.class,
            SyncOnReassignedMap.class,
            UnsafeMapReassignment.class)) {
      assertEquals(
          BugPattern.SeverityLevel.SUGGESTION,
          check.getAnnotation(BugPattern.class).severity(),
          check.getSimpleName());
      assertEquals(
          true,
          dev.clearguard.rules.Rules.named(check.getSimpleName()) != null,
          check.getSimpleName() + " adapts a rule of the same name");
    }
  }
}
