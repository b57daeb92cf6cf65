package dev.clearguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clearguard.rules.FieldRewrite.ValueKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fix plan's javac answers: references, classified assignments, verdicts. */
final class FieldRewriteTest {
  private static final String CACHE =
      """
      package t;
      import java.util.*;
      import java.util.concurrent.*;
      class Cache {
        private Map<String, String> m = new ConcurrentHashMap<>();
        void clearAll() {
          for (String k : m.keySet()) this.m.remove(k);
        }
        void fill(Map<String, String> fresh, List<String> keys) {
          keys.forEach(m::remove);
          m = new HashMap<>();
          m = new ConcurrentHashMap<>(fresh);
          m = Map.copyOf(fresh);
        }
        int shadowed(Map<String, String> m) {
          return m.size();
        }
      }
      """;

  private static FieldRewrite rewrite(String source) {
    List<Finding> findings = RuleTester.create().addSource("t/Cache.java", source).findings();
    assertFalse(findings.isEmpty(), "the test code has findings");
    FieldRewrite rewrite = findings.get(0).fixPlan().rewrite();
    assertNotNull(rewrite);
    return rewrite;
  }

  @Test
  void everyReferenceOfTheFieldAndNoShadowingName() {
    FieldRewrite rewrite = rewrite(CACHE);
    // javac's start of each reference: m, this.m, m::remove, three assignments; not the parameter
    List<String> at =
        rewrite.references().stream()
            .map(p -> CACHE.substring(p.intValue(), p.intValue() + 6))
            .toList();
    assertEquals(
        List.of("m.keyS", "this.m", "m::rem", "m = ne", "m = ne", "m = Ma"), at, at.toString());
    assertEquals(CACHE.indexOf("private Map"), rewrite.declaration());
  }

  @Test
  void assignmentsAreClassifiedByType() {
    FieldRewrite rewrite = rewrite(CACHE);
    assertEquals(ValueKind.EMPTY, rewrite.initializer().kind());
    assertEquals(
        List.of(ValueKind.EMPTY, ValueKind.COPY_OF, ValueKind.OTHER),
        rewrite.assignments().stream().map(a -> a.value().kind()).toList());
    FieldRewrite.Value copy = rewrite.assignments().get(1).value();
    assertEquals(CACHE.indexOf("fresh);"), copy.copied());
    assertTrue(rewrite.snapshotMap().safe(), rewrite.snapshotMap().reason());
  }

  @Test
  void anOrderedMapOrNullIsNoSnapshotMap() {
    FieldRewrite ordered = rewrite(CACHE.replace("m = Map.copyOf(fresh);", "m = new TreeMap<>();"));
    assertEquals(ValueKind.ORDERED, ordered.assignments().get(2).value().kind());
    assertFalse(ordered.snapshotMap().safe());
    assertTrue(ordered.volatilePublish().safe());
    FieldRewrite nulled = rewrite(CACHE.replace("m = Map.copyOf(fresh);", "m = null;"));
    assertEquals("the field is set to null", nulled.snapshotMap().reason());
  }
}
