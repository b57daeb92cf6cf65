package dev.clearguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clearguard.rules.Rule;
import dev.clearguard.rules.Rules;
import org.junit.jupiter.api.Test;

final class LevelTest {
  @Test
  void negativeUnknownSeverityNamesTheParameterAndTheValidValues() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Level.parse("clearguard.failOnSeverity", "fatal"));
    assertEquals(
        "clearguard.failOnSeverity='fatal' is not valid; valid values: warning, error",
        e.getMessage());
  }

  @Test
  void positiveThresholds() {
    assertEquals(Level.ERROR, Level.parse("p", " Error "));
    assertTrue(Level.ERROR.atLeast(Level.WARNING));
    assertFalse(Level.WARNING.atLeast(Level.ERROR));
  }

  @Test
  void positiveEveryRuleReportsAtTheSeverityItDeclares() {
    for (Rule rule : Rules.all()) {
      assertEquals(rule.severity().name(), Level.of(rule.name()).name(), rule.name());
    }
    assertEquals(Level.WARNING, Level.of("UnsafeMapReassignment"));
    assertEquals(Level.ERROR, Level.of("ClearThenRefill"));
  }
}
