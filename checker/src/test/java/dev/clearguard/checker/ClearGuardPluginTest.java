package dev.clearguard.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clearguard.testing.TestCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ClearGuardPluginTest {
  private static final String CACHE =
      """
      package app;
      import java.util.Map;
      import java.util.concurrent.ConcurrentHashMap;
      class Cache {
        private final Map<String, String> entries = new ConcurrentHashMap<>();
        String get(String k) { return entries.get(k); }
        void reload(Map<String, String> fresh) {
          entries.clear();
          entries.putAll(fresh);
        }
        void reset() {
          entries.keySet().removeIf(k -> true);
        }
      }
      """;

  @TempDir Path dir;

  /**
   * Writes {@code sources} (path, text, ...) below {@code dir/src} and compiles them with the
   * plugin's classes on the processor path, capturing what it prints on standard error.
   */
  private static TestCompiler.Compilation compile(
      Path dir, List<String> options, String... sources) {
    return TestCompiler.create()
        .options(options)
        .options("-processorpath", System.getProperty("java.class.path"))
        .writeFiles(dir.resolve("src"), sources)
        .captureStandardError()
        .compile(dir.resolve("classes"));
  }

  @Test
  void negativeNoPluginNoDiagnostics() {
    TestCompiler.Compilation c = compile(dir, List.of(), "app/Cache.java", CACHE);
    assertTrue(c.success());
    assertEquals(List.of(), c.messages(Diagnostic.Kind.NOTE));
  }

  @Test
  void positiveFindingsAreNotesTaggedWithTheRuleAndListedOnStandardError() {
    TestCompiler.Compilation c =
        compile(dir, List.of("-Xplugin:ClearGuard"), "app/Cache.java", CACHE);
    assertTrue(c.success(), c.output());
    List<String> notes = c.messages(Diagnostic.Kind.NOTE);
    assertEquals(2, notes.size(), notes.toString());
    assertTrue(notes.get(0).startsWith("8: [ClearThenRefill] Between `entries.clear()`"));
    assertTrue(notes.get(1).startsWith("12: [IterateRemoveClear] Removing the entries"));
    assertEquals(List.of(), c.messages(Diagnostic.Kind.MANDATORY_WARNING));
    assertEquals(List.of(), c.messages(Diagnostic.Kind.WARNING));
    assertTrue(
        c.stderr().startsWith("ClearGuard: 2 findings, each reported as a note"), c.stderr());
    assertTrue(c.stderr().contains("  - [ClearThenRefill] "), c.stderr());
    assertTrue(
        c.stderr().contains("app/Cache.java:8 (rule severity: error)" + System.lineSeparator()),
        c.stderr());
    assertTrue(c.stderr().contains("  - [IterateRemoveClear] "), c.stderr());
  }

  @Test
  void positiveWerrorBuildStillPassesAndNowarnStillShowsTheList() {
    TestCompiler.Compilation werror =
        compile(
            dir.resolve("a"), List.of("-Werror", "-Xplugin:ClearGuard"), "app/Cache.java", CACHE);
    assertTrue(werror.success(), werror.output() + werror.diagnostics());
    assertEquals(2, werror.messages(Diagnostic.Kind.NOTE).size());

    TestCompiler.Compilation hidden =
        compile(
            dir.resolve("b"),
            List.of("-Werror", "-nowarn", "-Xlint:none", "-Xplugin:ClearGuard"),
            "app/Cache.java",
            CACHE);
    assertTrue(hidden.success(), hidden.output() + hidden.diagnostics());
    assertEquals(List.of(), hidden.messages(Diagnostic.Kind.NOTE), "-nowarn hides notes");
    assertTrue(hidden.stderr().contains("Cache.java:8 (rule severity: error)"), hidden.stderr());
    assertTrue(hidden.stderr().contains("Cache.java:12 (rule severity: error)"), hidden.stderr());
  }

  @Test
  void negativeNoListWhenThereAreNoFindingsOrTheyAreWarnings() {
    TestCompiler.Compilation clean =
        compile(
            dir.resolve("a"),
            List.of("-Xplugin:ClearGuard"),
            "app/Quiet.java",
            "package app; class Quiet { int x; }");
    assertTrue(clean.success());
    assertEquals("", clean.stderr());
    TestCompiler.Compilation warnings =
        compile(
            dir.resolve("b"),
            List.of("-Xplugin:ClearGuard severity=warning"),
            "app/Cache.java",
            CACHE);
    assertEquals(2, warnings.messages(Diagnostic.Kind.MANDATORY_WARNING).size());
    assertEquals(
        "", warnings.stderr(), "mandatory warnings need no list: -nowarn cannot hide them");
  }

  /**
   * javac analyses, lowers and generates one class after another; the class with the write comes
   * first, its only caller later. The finding must wait for the caller before it is decided.
   */
  private static final String TABLE =
      """
      package app;
      import java.util.HashMap;
      import java.util.Map;
      public class Table {
        private volatile boolean open;
        private Map<String, String> rows = new HashMap<>();
        public String get(String k) { return rows.get(k); }
        public void load(Map<String, String> fresh) {
          rows = new HashMap<>(fresh);
        }
      }
      """;

  @Test
  void negativeAWriteWhoseOnlyCallerInALaterClassIsStartUp() {
    TestCompiler.Compilation c =
        compile(
            dir,
            List.of("-Xplugin:ClearGuard"),
            "app/Table.java",
            TABLE,
            "app/Server.java",
            """
            package app;
            import java.util.Map;
            public class Server {
              private final Table table = new Table();
              public Server(Map<String, String> initial) { table.load(initial); }
            }
            """);
    assertTrue(c.success(), c.output());
    assertEquals(List.of(), c.messages(Diagnostic.Kind.NOTE));
  }

  @Test
  void positiveTheSameWriteCalledAtRunTimeByALaterClass() {
    TestCompiler.Compilation c =
        compile(
            dir,
            List.of("-Xplugin:ClearGuard"),
            "app/Table.java",
            TABLE,
            "app/Reloader.java",
            """
            package app;
            import java.util.Map;
            public class Reloader implements Runnable {
              private final Table table = new Table();
              public void run() { table.load(Map.of()); }
            }
            """);
    assertTrue(c.success(), c.output());
    List<String> warnings = c.messages(Diagnostic.Kind.NOTE);
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).startsWith("9: [UnsafeMapReassignment]"), warnings.toString());
  }

  @Test
  void positiveSeverityWarningIsMandatorySoNowarnAndXlintNoneDoNotHideIt() {
    TestCompiler.Compilation c =
        compile(
            dir,
            List.of("-nowarn", "-Xlint:none", "-Xplugin:ClearGuard severity=warning"),
            "app/Cache.java",
            CACHE);
    assertTrue(c.success());
    assertEquals(2, c.messages(Diagnostic.Kind.MANDATORY_WARNING).size());
  }

  @Test
  void positiveSeverityErrorFailsTheCompilation() {
    TestCompiler.Compilation c =
        compile(dir, List.of("-Xplugin:ClearGuard severity=error"), "app/Cache.java", CACHE);
    assertFalse(c.success());
    assertEquals(2, c.messages(Diagnostic.Kind.ERROR).size());
  }

  /** The rule's own severity: ClearThenRefill and IterateRemoveClear are errors. */
  private static final String RELOADER =
      """
      package app;
      import java.util.HashMap;
      import java.util.Map;
      import java.util.concurrent.ConcurrentHashMap;
      public class Reloader implements Runnable {
        private final Map<String, String> entries = new ConcurrentHashMap<>();
        private Map<String, String> view = new HashMap<>();
        public String get(String k) { return view.get(k) + entries.get(k); }
        public void run() {
          view = new HashMap<>(entries);
          entries.clear();
          entries.putAll(view);
        }
      }
      """;

  @Test
  void positiveSeverityRuleReportsEachFindingAtItsRulesSeverity() {
    TestCompiler.Compilation c =
        compile(dir, List.of("-Xplugin:ClearGuard severity=rule"), "app/Reloader.java", RELOADER);
    assertFalse(c.success());
    List<String> errors = c.messages(Diagnostic.Kind.ERROR);
    assertEquals(1, errors.size(), c.diagnostics().toString());
    assertTrue(errors.get(0).startsWith("11: [ClearThenRefill]"), errors.toString());
    List<String> warnings = c.messages(Diagnostic.Kind.MANDATORY_WARNING);
    assertEquals(1, warnings.size(), c.diagnostics().toString());
    assertTrue(warnings.get(0).startsWith("10: [UnsafeMapReassignment]"), warnings.toString());
  }

  @Test
  void positiveOnlyAndDisableSelectRules() {
    TestCompiler.Compilation only =
        compile(
            dir.resolve("a"),
            List.of("-Xplugin:ClearGuard only=IterateRemoveClear"),
            "app/Cache.java",
            CACHE);
    assertEquals(
        List.of("12"),
        only.messages(Diagnostic.Kind.NOTE).stream()
            .map(m -> m.substring(0, m.indexOf(':')))
            .toList());
    TestCompiler.Compilation disabled =
        compile(
            dir.resolve("b"),
            List.of("-Xplugin:ClearGuard disable=IterateRemoveClear,ClearThenRefill"),
            "app/Cache.java",
            CACHE);
    assertEquals(List.of(), disabled.messages(Diagnostic.Kind.NOTE));
  }

  @Test
  void negativeBadOptionFailsWithTheValidValues() {
    TestCompiler.Compilation c =
        compile(dir, List.of("-Xplugin:ClearGuard only=IterateRemove"), "app/Cache.java", CACHE);
    assertFalse(c.success());
    List<String> errors = c.messages(Diagnostic.Kind.ERROR);
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(
        errors.get(0).contains("unknown rule 'IterateRemove'; valid rules: ClearThenRefill,"),
        errors.get(0));
    assertEquals(List.of(), c.messages(Diagnostic.Kind.NOTE));
  }

  @Test
  void negativeClassesWithCompileErrorsAreSkippedSilently() {
    String broken = CACHE.replace("void reset() {", "void reset() {\n    undefinedCall();");
    TestCompiler.Compilation c =
        compile(dir, List.of("-Xplugin:ClearGuard"), "app/Cache.java", broken);
    assertFalse(c.success());
    assertEquals(List.of(), c.messages(Diagnostic.Kind.NOTE));
    assertEquals(1, c.messages(Diagnostic.Kind.ERROR).size());
  }

  @Test
  void positiveJsonReportListsEveryFinding() throws Exception {
    Path json = dir.resolve("out/findings.json");
    TestCompiler.Compilation c =
        compile(dir, List.of("-Xplugin:ClearGuard json=" + json), "app/Cache.java", CACHE);
    assertTrue(c.success());
    JsonNode root = new ObjectMapper().readTree(Files.readString(json));
    assertEquals("ClearGuard", root.get("tool").asText());
    JsonNode findings = root.get("findings");
    assertEquals(2, findings.size());
    JsonNode first = findings.get(0);
    assertEquals("ClearThenRefill", first.get("rule").asText());
    assertEquals(8, first.get("line").asInt());
    assertTrue(first.get("file").asText().endsWith("app/Cache.java"));
    assertEquals("CLEAR_THEN_REFILL", first.at("/fix/shape").asText());
    assertEquals("entries", first.at("/fix/field/name").asText());
    assertEquals(9, first.at("/fix/related/0/line").asInt());
    try (var files = Files.list(json.getParent())) {
      assertEquals(List.of(json), files.toList(), "no temporary file is left behind");
    }
  }

  @Test
  void positiveJsonReportIsWrittenEvenWithoutFindings() throws Exception {
    Path json = dir.resolve("clean.json");
    compile(
        dir,
        List.of("-Xplugin:ClearGuard json=" + json),
        "app/Clean.java",
        "package app; class Clean {}");
    assertEquals(0, new ObjectMapper().readTree(Files.readString(json)).get("findings").size());
  }
}
