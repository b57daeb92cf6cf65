package dev.clearguard.checker.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clearguard.checker.JsonReport;
import dev.clearguard.rules.Finding;
import dev.clearguard.rules.FixPlan;
import dev.clearguard.rules.FixPlan.Strategy;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The message's fix sentence and the fixer read one verdict: a message promises a SnapshotMap
 * migration exactly when the fixer makes it. Each case here disagreed while the fixer decided again
 * from syntax what the rules had decided from javac's facts.
 */
final class FixAgreementTest {
  @TempDir Path dir;

  private static final String CLEAR_LOOP =
      """
        void invalidateAll() {
          for (String id : sessions.keySet()) {
            sessions.remove(id);
          }
        }
      """;

  private static String sessions(String declaration, String more) {
    return """
        package app;

        import java.util.*;
        import java.util.concurrent.*;

        class Sessions {
          %s

        %s
        %s}
        """
        .formatted(declaration, CLEAR_LOOP, more);
  }

  /** A class whose {@code expireAll} drains {@code sessions}, handing each entry on first. */
  private static String drain(String consumer, String process) {
    return """
        package app;

        import java.util.Map;
        import java.util.concurrent.ConcurrentHashMap;
        import java.util.function.*;

        class Sessions {
          private final Map<String, String> sessions = new ConcurrentHashMap<>();

          void expireAll(%s onExpired) {
            for (Map.Entry<String, String> entry : sessions.entrySet()) {
              %s
              sessions.remove(entry.getKey());
            }
          }
        }
        """
        .formatted(consumer, process);
  }

  /** Fixes the source and checks that the message promises SnapshotMap iff the fixer migrates. */
  private FixResult assertAgree(String source, boolean migrates) {
    FixResult result = FixTester.fix(dir, true, source);
    assertEquals(1, result.outcomes().size(), result.outcomes().toString());
    FixResult.Outcome outcome = result.outcomes().get(0);
    String message = outcome.finding().message();
    assertEquals(migrates, message.contains("to SnapshotMap"), message);
    assertEquals(migrates, outcome.strategy() == Strategy.SNAPSHOT_MAP, outcome.toString());
    assertEquals(
        migrates,
        outcome.finding().fixPlan().strategies().contains(Strategy.SNAPSHOT_MAP),
        outcome.finding().fixPlan().strategies().toString());
    return result;
  }

  @Test
  void positiveAPlainConcurrentMapIsMigratedAsPromised() {
    FixResult result =
        assertAgree(
            sessions("private final Map<String, String> sessions = new ConcurrentHashMap<>();", ""),
            true);
    assertTrue(result.fixed().contains("SnapshotMap<String, String> sessions"), result.fixed());
  }

  @Test
  void negativeASortedMapIsNotPromisedSnapshotMap() {
    assertAgree(
        sessions("private final Map<String, String> sessions = new ConcurrentSkipListMap<>();", ""),
        false);
  }

  @Test
  void negativeASynchronizedMapLockedElsewhereIsNotPromisedSnapshotMap() {
    assertAgree(
        sessions(
            "private final Map<String, String> sessions ="
                + " Collections.synchronizedMap(new HashMap<>());",
            """
              int size() {
                synchronized (sessions) {
                  return sessions.size();
                }
              }
            """),
        false);
  }

  @Test
  void negativeATestOfTheConcreteClassIsNotPromisedSnapshotMap() {
    assertAgree(
        sessions(
            "private final Map<String, String> sessions = new ConcurrentHashMap<>();",
            """
              boolean hashed() {
                return sessions instanceof ConcurrentHashMap;
              }
            """),
        false);
  }

  @Test
  void negativeAVarLocalOfTheFieldIsNotPromisedSnapshotMap() {
    assertAgree(
        sessions(
            "private final Map<String, String> sessions = new ConcurrentHashMap<>();",
            """
              int size() {
                var all = sessions;
                return all.size();
              }
            """),
        false);
  }

  @Test
  void negativeAFieldDeclaredWithAnotherIsNotPromisedSnapshotMap() {
    FixResult result =
        assertAgree(
            sessions(
                "private final Map<String, String> sessions = new ConcurrentHashMap<>(),"
                    + " others = new ConcurrentHashMap<>();",
                ""),
            false);
    assertFalse(result.fixed().contains("SnapshotMap"), result.fixed());
  }

  @Test
  void positiveALocalThatShadowsTheFieldIsNotTheField() {
    // javac resolved the names: the local `sessions` in reset() is no reference of the field
    FixResult result =
        assertAgree(
            sessions(
                "private final Map<String, String> sessions = new ConcurrentHashMap<>();",
                """
                  int count(Map<String, String> sessions) {
                    Object o = (Object) sessions;
                    return o.hashCode();
                  }
                """),
            true);
    assertTrue(result.fixed().contains("Object o = (Object) sessions;"), result.fixed());
  }

  @Test
  void negativeAPlanWithoutAShapeStaysManual() {
    // a rule that only detects gives a manual recipe and no shape: the fixer and the report take it
    FixPlan plan =
        FixPlan.manual("m", null, new FixPlan.Position(2, 3, 12), "Lock `m` before using it.");
    Finding finding =
        new Finding("OnlyDetects", "A.java", 2, 3, 12, "Something races.", plan, null);
    String source = "class A {\n  void f() {}\n}\n";
    FixResult result = Fixer.fix("A.java", source, List.of(finding));
    assertEquals(source, result.fixed());
    assertEquals("Lock `m` before using it.", result.manual().get(0).manualRecipe());
    String json = JsonReport.render(List.of(finding));
    assertTrue(json.contains("\"shape\": null, \"strategies\": []"), json);
    assertTrue(json.contains("\"formatVersion\": 2"), json);
  }

  @Test
  void negativeADrainWithoutSnapshotMapListsNoStrategyTheFixerRefuses() {
    // the plan listed VOLATILE_PUBLISH, which the fixer never applies to a drain
    String source = drain("Consumer<String>", "onExpired.accept(entry.getValue());");
    FixResult result = FixTester.fix(dir, false, source);
    FixResult.Outcome outcome = result.outcomes().get(0);
    assertEquals(List.of(), outcome.finding().fixPlan().strategies());
    assertFalse(outcome.applied());
    assertEquals(outcome.finding().fixPlan().whyManual(), outcome.reason());
    assertTrue(outcome.reason().contains("SnapshotMap is not on the class path"), outcome.reason());
  }

  @Test
  void negativeADrainWhoseBodyReadsTheMapListsNoSnapshotRewrite() {
    // the loop would iterate m.drain()'s detached copy while its body reads the emptied map: the
    // plan listed SNAPSHOT_MAP, which the fixer then refused
    String source =
        drain(
            "BiConsumer<String, Integer>", "onExpired.accept(entry.getValue(), sessions.size());");
    FixResult result = FixTester.fix(dir, true, source);
    FixResult.Outcome outcome = result.outcomes().get(0);
    assertEquals(List.of(), outcome.finding().fixPlan().strategies());
    assertFalse(outcome.applied());
    assertEquals(outcome.finding().fixPlan().whyManual(), outcome.reason());
    assertTrue(
        outcome.reason().contains("uses the map for more than removing the entry"),
        outcome.reason());
  }

  @Test
  void positiveADrainThatOnlyRemovesTheEntryKeepsItsSnapshotRewrite() {
    String source = drain("Consumer<String>", "onExpired.accept(entry.getValue());");
    FixResult result = FixTester.fix(dir, true, source);
    FixResult.Outcome outcome = result.outcomes().get(0);
    assertEquals(List.of(Strategy.SNAPSHOT_MAP), outcome.finding().fixPlan().strategies());
    assertTrue(outcome.applied(), outcome.toString());
    assertTrue(result.fixed().contains("sessions.drain().entrySet()"), result.fixed());
  }

  @Test
  void negativeAMapFilledAfterItsAssignmentListsNoVolatileRewrite() {
    // publishing m and then filling it is no fix; the plan listed VOLATILE_PUBLISH all the same
    String source =
        """
        package app;

        import java.util.HashMap;
        import java.util.Map;

        class Tags {
          private static Map<String, String> tags = new HashMap<>();

          static synchronized void touch() {}

          static String get(String k) {
            return tags.get(k);
          }

          static void reset(String k, String v) {
            tags = new HashMap<>();
            tags.put(k, v);
          }
        }
        """;
    FixResult result = FixTester.fix(dir, false, source);
    assertEquals(source, result.fixed());
    assertFalse(result.outcomes().isEmpty(), "the reassignment is reported");
    for (FixResult.Outcome outcome : result.outcomes()) {
      assertFalse(
          outcome.finding().fixPlan().strategies().contains(Strategy.VOLATILE_PUBLISH),
          outcome.toString());
      assertTrue(outcome.reason().contains("still filled after it is assigned"), outcome.reason());
    }
  }
}
