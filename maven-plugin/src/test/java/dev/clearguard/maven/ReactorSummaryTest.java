package dev.clearguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import org.eclipse.aether.DefaultSessionData;
import org.eclipse.aether.SessionData;
import org.junit.jupiter.api.Test;

final class ReactorSummaryTest {

  @Test
  void positiveTheLastExpectedModulePrintsTheTotals() {
    SessionData data = new DefaultSessionData();
    ReactorSummary first = ReactorSummary.of(data, "check", () -> 3);
    assertNull(first.register("core", 1, 0, 4, false));
    assertNull(ReactorSummary.of(data, "check", () -> 99).register("app", 2, 1, 3, true));
    assertEquals(
        "ClearGuard reactor: 3 findings (+1 baselined) in 3 modules, 8 files; failing: app",
        ReactorSummary.of(data, "check", () -> 99).register("clean", 0, 0, 1, false));
  }

  /**
   * A module with build extensions loads its own copy of this class; what that copy stored must be
   * readable here. The shared state is JDK types only, so a summary built from totals another copy
   * stored adds up with this one's.
   */
  @Test
  void positiveTotalsStoredByAnotherCopyOfThePluginAddUp() {
    SessionData data = new DefaultSessionData();
    long[] storedElsewhere = {2, 1, 5, 0, 2};
    data.set(
        "dev.clearguard.maven.reactor-summary:check",
        new Object[] {storedElsewhere, new ArrayList<String>()});
    assertEquals(
        "ClearGuard reactor: 6 findings in 2 modules, 3 files; no module fails",
        ReactorSummary.of(data, "check", () -> 2).register("app", 1, 0, 1, false));
  }

  @Test
  void negativeEachGoalAndASingleModuleBuildPrintNoReactorLine() {
    SessionData data = new DefaultSessionData();
    assertNull(ReactorSummary.of(data, "check", () -> 1).register("only", 4, 0, 2, false));
    ReactorSummary baseline = ReactorSummary.of(data, "baseline", () -> 2);
    assertNotNull(baseline);
    assertNull(baseline.register("a", 0, 0, 1, false), "check's module does not count here");
  }

  @Test
  void negativeSomethingElseUnderTheKeyMeansNoSummary() {
    SessionData data = new DefaultSessionData();
    data.set("dev.clearguard.maven.reactor-summary:check", "not ours");
    assertNull(ReactorSummary.of(data, "check", () -> 2));
  }
}
