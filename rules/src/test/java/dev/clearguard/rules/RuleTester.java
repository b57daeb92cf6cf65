package dev.clearguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.Trees;
import dev.clearguard.testing.TestCompiler;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Compiles inline sources in-process and runs every rule on them, the way the javac plugin does.
 * Expected findings are marked on the line before, Error Prone style: {@code // BUG: Diagnostic
 * contains: IterateRemoveClear}; every marked line must get a finding whose {@code [Rule] message}
 * contains the text, and no unmarked line may get one.
 */
final class RuleTester {
  private static final Pattern MARKER = Pattern.compile("//\\s*BUG: Diagnostic contains:\\s*(.+)$");

  private final List<String> texts = new ArrayList<>();
  private final List<String> names = new ArrayList<>();

  static RuleTester create() {
    return new RuleTester();
  }

  RuleTester addSource(String path, String text) {
    texts.add(text);
    names.add(path);
    return this;
  }

  private String libraryPrefix;

  /**
   * Compiles the sources whose path starts with {@code prefix} on their own, beforehand, and puts
   * their classes on the class path: a library the analysed module uses but does not contain.
   */
  RuleTester withLibraryClasses(String prefix) {
    this.libraryPrefix = prefix;
    return this;
  }

  private boolean snapshotMap;

  /** Puts the runtime's real {@code SnapshotMap} on the class path of the compilation. */
  RuleTester withSnapshotMap() {
    snapshotMap = true;
    return this;
  }

  /**
   * Compiles the sources (which must compile cleanly) and returns every finding, settled against
   * the call graph of the whole compilation as the plugin settles them.
   */
  List<Finding> findings() {
    List<Finding> candidates = new ArrayList<>();
    List<Finding> fullCandidates = new ArrayList<>();
    dev.clearguard.rules.facts.Program[] program = {null};
    forEachClass(
        c -> {
          if (program[0] == null) {
            program[0] = new dev.clearguard.rules.facts.Program(c.types(), c.elements());
          }
          Analyzer.Result result =
              Analyzer.analyze(
                  c.unit(), c.tree(), c.trees(), c.types(), c.elements(), Rules.all(), program[0]);
          if (!result.failures().isEmpty()) {
            throw new AssertionError(
                "rule failed: " + result.failures(), result.failures().get(0).error());
          }
          // Every test doubles as a check of the rules' outlines: skipping the classes they rule
          // out must not lose a finding.
          Analyzer.Result full =
              Analyzer.analyzeFully(
                  c.unit(), c.tree(), c.trees(), c.types(), c.elements(), Rules.all());
          candidates.addAll(result.findings());
          fullCandidates.addAll(full.findings());
        });
    if (program[0] == null) {
      return List.of();
    }
    Analyzer.Result settled = Analyzer.settle(candidates, program[0]);
    if (!settled.failures().isEmpty()) {
      throw new AssertionError(
          "condition failed: " + settled.failures(), settled.failures().get(0).error());
    }
    assertEquals(
        Analyzer.settle(fullCandidates, program[0]).findings().stream()
            .map(Finding::toString)
            .toList(),
        settled.findings().stream().map(Finding::toString).toList(),
        "a rule's mayReport skipped a class in which it reports");
    return settled.findings();
  }

  /** One attributed top-level class of the compilation, as the plugin sees it. */
  record CompiledClass(
      CompilationUnitTree unit, ClassTree tree, Trees trees, Types types, Elements elements) {
    Analyzer.Result analyze(List<Rule> rules) {
      return Analyzer.analyze(unit, tree, trees, types, elements, rules);
    }

    Outline outline() {
      return Outline.of(unit, tree, trees, types, elements);
    }
  }

  /**
   * Compiles the sources (which must compile cleanly) and hands each top-level class to {@code
   * action} when javac has analysed it, the moment the plugin runs.
   */
  void forEachClass(java.util.function.Consumer<CompiledClass> action) {
    TestCompiler analysed =
        TestCompiler.create().options("-proc:none").withSnapshotMap(snapshotMap);
    TestCompiler library = TestCompiler.create().options("-proc:none");
    boolean hasLibrary = false;
    for (int i = 0; i < texts.size(); i++) {
      boolean isLibrary = libraryPrefix != null && names.get(i).startsWith(libraryPrefix);
      (isLibrary ? library : analysed).source(names.get(i), texts.get(i));
      hasLibrary |= isLibrary;
    }
    if (hasLibrary) {
      try {
        java.nio.file.Path classes = java.nio.file.Files.createTempDirectory("cg-library");
        assertTrue(library.compile(classes).success(), "library sources must compile");
        analysed.classPath(List.of(classes));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    analysed.options("-d", System.getProperty("java.io.tmpdir") + "/cg-rules");
    analysed.listener(
        task -> {
          Trees trees = Trees.instance(task);
          return new TaskListener() {
            @Override
            public void finished(TaskEvent e) {
              if (e.getKind() != TaskEvent.Kind.ANALYZE || e.getTypeElement() == null) {
                return;
              }
              action.accept(
                  new CompiledClass(
                      e.getCompilationUnit(),
                      trees.getTree(e.getTypeElement()),
                      trees,
                      task.getTypes(),
                      task.getElements()));
            }
          };
        });
    List<String> errors = analysed.analyze().errors();
    assertTrue(errors.isEmpty(), "test sources must compile: " + errors);
  }

  /** Asserts that exactly the marked lines get findings containing the marked text. */
  void expectMarkedFindings() {
    List<Finding> findings = findings();
    TreeSet<String> expected = new TreeSet<>();
    for (int i = 0; i < texts.size(); i++) {
      String[] lines = texts.get(i).split("\n", -1);
      for (int line = 0; line < lines.length; line++) {
        Matcher m = MARKER.matcher(lines[line]);
        if (m.find()) {
          expected.add(names.get(i) + ":" + (line + 2) + ": " + m.group(1).trim());
        }
      }
    }
    TreeSet<String> unmatched = new TreeSet<>(expected);
    List<String> unexpected = new ArrayList<>();
    for (Finding finding : findings) {
      String file =
          finding.file().substring(finding.file().indexOf('/') + 1).replaceFirst("^/+", "");
      String text = "[" + finding.rule() + "] " + finding.message();
      String match =
          expected.stream()
              .filter(e -> e.startsWith(file + ":" + finding.line() + ": "))
              .filter(e -> text.contains(e.substring(e.indexOf(": ") + 2)))
              .findFirst()
              .orElse(null);
      if (match == null) {
        unexpected.add(file + ":" + finding.line() + ": " + text);
      } else {
        unmatched.remove(match);
      }
    }
    assertEquals(
        "",
        (unmatched.isEmpty() ? "" : "missing findings:\n  " + String.join("\n  ", unmatched) + "\n")
            + (unexpected.isEmpty()
                ? ""
                : "unexpected findings:\n  "
                    + unexpected.stream().collect(Collectors.joining("\n  "))));
  }

  void expectNoFindings() {
    List<Finding> findings = findings();
    assertEquals(List.of(), findings.stream().map(Finding::toString).toList());
  }
}
