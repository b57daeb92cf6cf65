package dev.clearguard.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clearguard.rules.Rule;
import dev.clearguard.rules.Rules;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

final class OptionsTest {

  @Test
  void positiveDefaultsEnableEveryRuleAsNotes() {
    Options options = Options.parse();
    assertEquals(Options.DiagnosticSeverity.NOTE, options.severity());
    assertFalse(Rules.all().isEmpty());
    assertEquals(
        Rules.all().stream().map(Rule::name).sorted().toList(),
        options.rules().stream().map(Rule::name).toList());
    assertNull(options.json());
  }

  @Test
  void positiveEveryOption() {
    Options options =
        Options.parse(
            "severity=ERROR",
            "only=IterateRemoveClear,ClearThenRefill",
            "disable=ClearThenRefill",
            "json=out/f.json",
            "patch=out/fix.patch");
    assertEquals(Options.DiagnosticSeverity.ERROR, options.severity());
    assertEquals(List.of("IterateRemoveClear"), options.rules().stream().map(Rule::name).toList());
    assertEquals(Path.of("out/f.json"), options.json());
    assertEquals(Path.of("out/fix.patch"), options.patch());
  }

  @Test
  void positiveEachSeverityPicksItsDiagnosticKind() {
    var error = dev.clearguard.rules.Severity.ERROR;
    var warning = dev.clearguard.rules.Severity.WARNING;
    assertEquals(javax.tools.Diagnostic.Kind.NOTE, Options.parse().severity().kind(error));
    assertEquals(
        javax.tools.Diagnostic.Kind.MANDATORY_WARNING,
        Options.parse("severity=warning").severity().kind(error));
    assertEquals(
        javax.tools.Diagnostic.Kind.ERROR,
        Options.parse("severity=error").severity().kind(warning));
    Options.DiagnosticSeverity rule = Options.parse("severity=Rule").severity();
    assertEquals(javax.tools.Diagnostic.Kind.ERROR, rule.kind(error));
    assertEquals(javax.tools.Diagnostic.Kind.MANDATORY_WARNING, rule.kind(warning));
  }

  @Test
  void negativeUnknownKeyNamesItAndTheValidOnes() {
    var e =
        assertThrows(Options.InvalidOptionException.class, () -> Options.parse("sevrity=error"));
    assertEquals(
        "ClearGuard: unknown option 'sevrity'; valid options: severity, disable, only, json, patch",
        e.getMessage());
  }

  @Test
  void negativeBadValues() {
    assertTrue(
        assertThrows(Options.InvalidOptionException.class, () -> Options.parse("severity=info"))
            .getMessage()
            .endsWith("valid values: note (the default), warning, error, rule"));
    assertTrue(
        assertThrows(Options.InvalidOptionException.class, () -> Options.parse("disable=Nope"))
            .getMessage()
            .contains("unknown rule 'Nope'; valid rules: ClearThenRefill, IterateRemoveClear,"));
    assertTrue(
        assertThrows(Options.InvalidOptionException.class, () -> Options.parse("only="))
            .getMessage()
            .contains("needs at least one rule name"));
    assertTrue(
        assertThrows(Options.InvalidOptionException.class, () -> Options.parse("verbose"))
            .getMessage()
            .contains("is not of the form key=value"));
  }

  @Test
  void positiveTheBuilderGivesWhatTheSameArgumentsParseTo() {
    Options built =
        Options.builder()
            .severity(Options.DiagnosticSeverity.ERROR)
            .only(List.of("IterateRemoveClear", "ClearThenRefill"))
            .disable(List.of("ClearThenRefill"))
            .json(Path.of("out/f.json"))
            .patch(Path.of("out/fix.patch"))
            .build();
    assertEquals(
        Options.parse(
            "severity=ERROR",
            "only=IterateRemoveClear,ClearThenRefill",
            "disable=ClearThenRefill",
            "json=out/f.json",
            "patch=out/fix.patch"),
        built);
    assertEquals(Options.parse(), Options.builder().build());
    assertEquals(List.of("A", "B"), Options.names(" A, ,B ,"));
  }

  @Test
  void negativeTheBuilderRejectsBadRuleNamesWithTheParsersMessages() {
    assertEquals(
        assertThrows(Options.InvalidOptionException.class, () -> Options.parse("only=Nope"))
            .getMessage(),
        assertThrows(
                Options.InvalidOptionException.class, () -> Options.builder().only(List.of("Nope")))
            .getMessage());
    assertEquals(
        assertThrows(
                Options.InvalidOptionException.class,
                () -> Options.parse("disable=IterateRemoveClear,Nope"))
            .getMessage(),
        assertThrows(
                Options.InvalidOptionException.class,
                () -> Options.builder().disable(Options.names("IterateRemoveClear, Nope")))
            .getMessage());
    assertTrue(
        assertThrows(Options.InvalidOptionException.class, () -> Options.builder().only(List.of()))
            .getMessage()
            .contains("only= needs at least one rule name"));
  }
}
