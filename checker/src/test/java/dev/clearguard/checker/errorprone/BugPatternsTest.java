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
}
