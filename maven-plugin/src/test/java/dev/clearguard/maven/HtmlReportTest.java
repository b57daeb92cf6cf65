package dev.clearguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class HtmlReportTest {
  @TempDir Path root;

  @Test
  void negativeNoFindingsStillHasTheSummary() {
    String html = HtmlReport.render(Fixtures.report(root, List.of(), Map.of(), null));
    assertTrue(html.contains("<strong>0 findings</strong>"), html);
    assertFalse(html.contains("class=\"finding"));
  }

  @Test
  void positiveSummaryComesFirstThenRuleFileAndCodeAroundEachFinding() throws Exception {
    SourceAnalyzer.Scan result =
        Fixtures.analyse(root, Map.of("demo/Sessions.java", Fixtures.SESSIONS));
    List<Reported> findings = Fixtures.reported(root, result);
    String html = HtmlReport.render(Fixtures.report(root, findings, result.sourceTexts(), null));

    int summary = html.indexOf("<strong>2 findings</strong>");
    int rule = html.indexOf("<h2 id=\"IterateRemoveClear\">");
    int file = html.indexOf("<h3>src/main/java/demo/Sessions.java</h3>", rule);
    int code = html.indexOf("for (String id : sessions.keySet()) {", file);
    assertTrue(summary > 0 && rule > summary && file > rule && code > file, html);
    // The reported line is highlighted, with its neighbours for context.
    assertTrue(html.contains("<span class=\"hit\"><span class=\"no\">10</span>"), html);
    assertTrue(html.contains("<span class=\"no\"> 7</span>"), html);
    assertTrue(html.contains("<strong>Suggested fix:</strong>"));
    assertTrue(html.contains("demo.Sessions#logoutAll()"));
    // Self-contained: nothing is loaded from elsewhere.
    assertFalse(html.contains("<script"));
    assertFalse(html.contains("<link"));
    assertFalse(html.contains("src=\"http"));
  }

  @Test
  void positiveBaselinedFindingsAreShownApartAndFixDiffsRendered() throws Exception {
    SourceAnalyzer.Scan result =
        Fixtures.analyse(root, Map.of("demo/Sessions.java", Fixtures.SESSIONS));
    List<Reported> findings = new ArrayList<>(Fixtures.reported(root, result));
    findings.set(0, findings.get(0).withBaselined(true));
    findings.set(
        1,
        findings
            .get(1)
            .withFix(
                new FixSuggestion(
                    "swap",
                    "--- a/x\n+++ b/x\n-    sessions.clear();\n+    sessions.swap(fresh);\n",
                    List.of())));
    String html =
        HtmlReport.render(
            Fixtures.report(root, findings, result.sourceTexts(), root.resolve("b.json")));
    assertTrue(html.contains("<strong>1 finding</strong> not in the baseline, 1 accepted"), html);
    assertTrue(html.contains("(baselined)"));
    assertTrue(html.contains("<span class=\"add\">+    sessions.swap(fresh);</span>"), html);
  }

  @Test
  void positiveEscapesMarkup() {
    assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", HtmlReport.escape("<a href=\"x\">&'"));
  }
}
