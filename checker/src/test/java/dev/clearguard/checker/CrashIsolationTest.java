package dev.clearguard.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clearguard.rules.Finding;
import dev.clearguard.rules.Rule;
import dev.clearguard.rules.Rules;
import dev.clearguard.rules.facts.ClassFacts;
import dev.clearguard.testing.TestCompiler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

final class CrashIsolationTest {

  /** A rule with a bug: it throws on every class. */
  static final class Broken implements Rule {
    @Override
    public String name() {
      return "BrokenRule";
    }

    @Override
    public dev.clearguard.rules.Severity severity() {

      return dev.clearguard.rules.Severity.WARNING;
    }

    @Override
    public String summary() {
      return "Throw";
    }

    @Override
    public void check(ClassFacts facts, Consumer<Finding> sink) {
      throw new IllegalStateException("boom");
    }
  }

  @Test
  void positiveAThrowingRuleBecomesOneNoteAndTheOthersStillReport() {
    String source =
        """
        package app;
        import java.util.concurrent.ConcurrentHashMap;
        class Jobs {
          private final ConcurrentHashMap<String, Runnable> jobs = new ConcurrentHashMap<>();
          void cancelAll() { jobs.keySet().removeIf(k -> true); }
        }
        """;
    List<Rule> rules = new ArrayList<>();
    rules.add(new Broken());
    rules.addAll(Rules.all());
    TestCompiler.Compilation compiled =
        TestCompiler.create()
            .options("-proc:none")
            .source("app/Jobs.java", source)
            .listener(task -> new ClearGuardListener(task, Options.defaults(), rules))
            .compile(Path.of(System.getProperty("java.io.tmpdir")));

    assertTrue(compiled.success(), "the compilation still succeeds");

    List<String> notes =
        compiled.diagnostics().stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.NOTE)
            .map(d -> d.getMessage(Locale.ROOT))
            .filter(m -> !m.startsWith("["))
            .toList();
    assertEquals(1, notes.size(), notes.toString());
    assertTrue(notes.get(0).contains("rule BrokenRule failed on class Jobs"), notes.get(0));
    assertTrue(notes.get(0).contains("IllegalStateException: boom"), notes.get(0));
    assertEquals(
        1,
        compiled.diagnostics().stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.NOTE)
            .filter(d -> d.getMessage(Locale.ROOT).startsWith("[IterateRemoveClear]"))
            .count());
  }
}
