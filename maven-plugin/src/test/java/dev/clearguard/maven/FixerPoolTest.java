package dev.clearguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clearguard.checker.fix.FixResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class FixerPoolTest {
  @TempDir Path root;

  /** Applies SARIF-style replacements, last first so earlier offsets stay valid. */
  private static String apply(String before, List<FixSuggestion.Replacement> edits) {
    StringBuilder out = new StringBuilder(before);
    for (int i = edits.size() - 1; i >= 0; i--) {
      FixSuggestion.Replacement e = edits.get(i);
      out.replace(e.offset(), e.offset() + e.length(), e.replacement());
    }
    return out.toString();
  }

  @Test
  void negativeBaselinedFindingsGetNoFix() throws Exception {
    SourceAnalyzer.Scan result =
        Fixtures.analyse(root, Map.of("demo/Sessions.java", Fixtures.SESSIONS));
    Reported baselined = Fixtures.reported(root, result).get(0).withBaselined(true);
    assertNull(FixerPool.suggest(List.of(baselined), result.sourceTexts()).get(0).fix());
  }

  @Test
  void positiveEditLinesAndColumnsCountEveryKindOfLineEnd() {
    for (String text : List.of("ab\rcd\ref", "ab\r\ncd\r\nef")) {
      FixSuggestion.Replacement edit =
          FixerPool.edit(
              text, new FixResult.Edit(text.indexOf('d'), text.indexOf('f'), "X", List.of(0)));
      assertEquals(
          List.of(2, 2, 3, 2),
          List.of(edit.startLine(), edit.startColumn(), edit.endLine(), edit.endColumn()),
          text.replace("\r", "\\r").replace("\n", "\\n"));
    }
  }

  @Test
  void positiveEditsCarryOffsetsLinesAndColumns() {
    String text = "ab\ncd\nef";
    FixSuggestion.Replacement edit =
        FixerPool.edit(text, new FixResult.Edit(4, 7, "X", List.of(0)));
    assertEquals(
        List.of(4, 3, 2, 2, 3, 2),
        List.of(
            edit.offset(),
            edit.length(),
            edit.startLine(),
            edit.startColumn(),
            edit.endLine(),
            edit.endColumn()));
    FixSuggestion.Replacement insertion =
        FixerPool.edit(text, new FixResult.Edit(0, 0, "Y", List.of(0)));
    assertEquals(
        List.of(0, 0, 1, 1, 1, 1),
        List.of(
            insertion.offset(),
            insertion.length(),
            insertion.startLine(),
            insertion.startColumn(),
            insertion.endLine(),
            insertion.endColumn()));
  }

  @Test
  void positiveEachFindingGetsItsOwnPartOfTheRewrite() throws Exception {
    SourceAnalyzer.Scan result =
        Fixtures.analyse(root, Map.of("demo/Sessions.java", Fixtures.SESSIONS));
    List<Reported> findings =
        FixerPool.suggest(Fixtures.reported(root, result), result.sourceTexts());
    Reported loop = findings.get(0);
    assertEquals("IterateRemoveClear", loop.rule());
    assertNotNull(loop.fix(), "the fixer rewrites a plain clear loop");
    String text = result.sourceTexts().get(loop.file());
    String fixed = apply(text, loop.fix().edits());
    assertTrue(
        fixed.contains("sessions.clear();") && !fixed.contains("sessions.remove(id)"), fixed);
    // Only the loop's own fix: the refill further down is left to its own finding.
    assertTrue(fixed.contains("sessions.putAll(fresh);"), fixed);
    assertTrue(loop.fix().diff().contains("+    sessions.clear();"), loop.fix().diff());
    assertNotNull(findings.get(1).fix(), "the refill has a fix too");
    assertEquals(
        List.of(),
        Fixtures.sarifErrors(
            SarifReport.render(Fixtures.report(root, findings, result.sourceTexts(), null))));
  }

  @Test
  void positiveEarlySubmissionsAreReusedOrRedone() throws Exception {
    SourceAnalyzer.Scan result =
        Fixtures.analyse(root, Map.of("demo/Sessions.java", Fixtures.SESSIONS));
    List<Reported> reported = Fixtures.reported(root, result);
    String path = reported.get(0).file().toString();
    String text = result.sourceTexts().get(reported.get(0).file());
    try (FixerPool pool = new FixerPool()) {
      // An early start knew only the first finding; the final call has both and must redo it.
      pool.submit(path, text, List.of(reported.get(0).finding()));
      List<Reported> fixed = FixerPool.suggest(reported, result.sourceTexts(), pool);
      assertNotNull(fixed.get(0).fix());
      assertNotNull(fixed.get(1).fix());
    }
  }
}
