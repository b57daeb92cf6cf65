package dev.clearguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SarifReportTest {
  @TempDir Path root;

  private Report sessionsReport(Path baseline) throws Exception {
    SourceAnalyzer.Scan result =
        Fixtures.analyse(root, Map.of("demo/Sessions.java", Fixtures.SESSIONS));
    List<Reported> findings = Fixtures.reported(root, result);
    return Fixtures.report(root, findings, result.sourceTexts(), baseline);
  }

  @Test
  void negativeEmptyReportIsValidSarif() {
    String sarif = SarifReport.render(Fixtures.report(root, List.of(), Map.of(), null));
    assertEquals(List.of(), Fixtures.sarifErrors(sarif));
  }

  @Test
  void negativeSchemaRejectsABrokenDocument() {
    // Proves the validator validates: a level SARIF does not define must be rejected.
    String broken =
        SarifReport.render(Fixtures.report(root, List.of(), Map.of(), null))
            .replace("\"level\" : \"error\"", "\"level\" : \"fatal\"");
    assertFalse(Fixtures.sarifErrors(broken).isEmpty());
  }

  @Test
  void positiveFindingsValidateAgainstTheSarifSchema() throws Exception {
    String sarif = SarifReport.render(sessionsReport(null));
    assertEquals(List.of(), Fixtures.sarifErrors(sarif));
  }

  @Test
  void positiveResultsAreRelativeToTheRepositoryRootWithRuleMetadata() throws Exception {
    JsonNode run = new ObjectMapper().readTree(SarifReport.render(sessionsReport(null)));
    run = run.get("runs").get(0);
    assertEquals(root.toUri().toString(), run.at("/originalUriBaseIds/SRCROOT/uri").asText());
    List<String> ruleIds = new ArrayList<>();
    run.at("/tool/driver/rules").forEach(r -> ruleIds.add(r.get("id").asText()));
    assertTrue(ruleIds.contains("IterateRemoveClear"), ruleIds.toString());
    for (JsonNode rule : run.at("/tool/driver/rules")) {
      assertTrue(rule.get("helpUri").asText().startsWith("https://"), rule.toString());
      assertTrue(rule.at("/help/text").asText().contains(rule.get("id").asText() + ".md"));
    }
    JsonNode results = run.get("results");
    assertEquals(2, results.size());
    JsonNode first = results.get(0);
    assertEquals("IterateRemoveClear", first.get("ruleId").asText());
    assertEquals("error", first.get("level").asText());
    JsonNode location = first.at("/locations/0/physicalLocation");
    assertEquals("src/main/java/demo/Sessions.java", location.at("/artifactLocation/uri").asText());
    assertEquals("SRCROOT", location.at("/artifactLocation/uriBaseId").asText());
    assertEquals(10, location.at("/region/startLine").asInt());
    assertEquals(5, location.at("/region/startColumn").asInt());
    assertEquals(32, first.at("/partialFingerprints/clearguardBaseline~1v1").asText().length());
    assertEquals("demo.Sessions#logoutAll()", first.at("/properties/member").asText());
    assertFalse(first.has("baselineState"));
    assertNotEquals(first.at("/partialFingerprints"), results.get(1).at("/partialFingerprints"));
  }

  @Test
  void positiveBaselinedResultsAreMarkedUnchangedAndSuppressed() throws Exception {
    Report plain = sessionsReport(root.resolve("clearguard-baseline.json"));
    List<Reported> findings = new ArrayList<>(plain.findings());
    findings.set(0, findings.get(0).withBaselined(true));
    Report report = Fixtures.report(root, findings, plain.sourceTexts(), root.resolve("b.json"));
    String sarif = SarifReport.render(report);
    assertEquals(List.of(), Fixtures.sarifErrors(sarif));
    JsonNode results = new ObjectMapper().readTree(sarif).at("/runs/0/results");
    assertEquals("unchanged", results.get(0).get("baselineState").asText());
    assertEquals("external", results.get(0).at("/suppressions/0/kind").asText());
    assertEquals("new", results.get(1).get("baselineState").asText());
    assertFalse(results.get(1).has("suppressions"));
  }

  @Test
  void positiveFixesAreSarifReplacements() throws Exception {
    Report plain = sessionsReport(null);
    List<Reported> findings = new ArrayList<>(plain.findings());
    FixSuggestion fix =
        new FixSuggestion(
            "Replace the loop by sessions.clear()",
            "--- a/x\n+++ b/x\n",
            List.of(new FixSuggestion.Replacement(200, 61, 10, 5, 12, 6, "sessions.clear();")));
    findings.set(0, findings.get(0).withFix(fix));
    String sarif = SarifReport.render(Fixtures.report(root, findings, plain.sourceTexts(), null));
    assertEquals(List.of(), Fixtures.sarifErrors(sarif));
    JsonNode change = new ObjectMapper().readTree(sarif).at("/runs/0/results/0/fixes/0");
    assertEquals("Replace the loop by sessions.clear()", change.at("/description/text").asText());
    JsonNode replacement = change.at("/artifactChanges/0/replacements/0");
    assertEquals(
        "src/main/java/demo/Sessions.java",
        change.at("/artifactChanges/0/artifactLocation/uri").asText());
    assertEquals(10, replacement.at("/deletedRegion/startLine").asInt());
    assertEquals(200, replacement.at("/deletedRegion/charOffset").asInt());
    assertEquals("sessions.clear();", replacement.at("/insertedContent/text").asText());
  }

  @Test
  void positivePathsWithSpacesArePercentEncoded() {
    assertEquals("my%20module/A.java", SarifReport.uriReference("my module/A.java"));
  }
}
