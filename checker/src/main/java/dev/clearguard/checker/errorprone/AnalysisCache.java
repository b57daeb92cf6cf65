package dev.clearguard.checker.errorprone;

import com.google.errorprone.fixes.SuggestedFix;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.model.JavacElements;
import com.sun.tools.javac.model.JavacTypes;
import com.sun.tools.javac.util.Context;
import dev.clearguard.checker.fix.FixResult;
import dev.clearguard.checker.fix.Fixer;
import dev.clearguard.rules.Analyzer;
import dev.clearguard.rules.Finding;
import dev.clearguard.rules.Rules;
import dev.clearguard.rules.facts.Program;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The analysis of the compilation unit Error Prone is visiting, and the fixes of its findings,
 * shared by the checks (one per rule) so that each class's facts are built once, as in the plain
 * plugin, and the fixer runs once per file.
 *
 * <p>Every top-level class of the unit is analysed when the first one is visited: the fixer needs
 * all of a file's findings at once (of every rule) to migrate each field once and to agree on
 * shared edits such as imports. Error Prone scans a unit only after javac has attributed all of its
 * classes, so the others are ready.
 *
 * <p>It lives in the compilation's javac {@link Context} and remembers a single unit: Error Prone
 * calls every class matcher of a unit before it moves on, so one entry is enough, and nothing
 * outlives the compilation (a static map would keep every analysed tree of every compilation in a
 * long-lived daemon or IDE alive).
 */
final class AnalysisCache {
  private static final Context.Key<AnalysisCache> KEY = new Context.Key<>();

  private CompilationUnitTree unit;
  private final IdentityHashMap<ClassTree, Object> results = new IdentityHashMap<>();
  private final Set<ClassTree> factsFailureReported = new HashSet<>();
  private Map<Finding, SuggestedFix> fixes;

  private AnalysisCache() {}

  static AnalysisCache instance(Context context) {
    AnalysisCache cache = context.get(KEY);
    if (cache == null) {
      cache = new AnalysisCache();
      context.put(KEY, cache);
    }
    return cache;
  }

  /**
   * Every rule's findings in the top-level class at {@code classPath}, already
   * suppression-filtered.
   */
  Analyzer.Result analyze(TreePath classPath, Context context) {
    ClassTree leaf = (ClassTree) classPath.getLeaf();
    if (classPath.getCompilationUnit() != unit || !results.containsKey(leaf)) {
      start(classPath.getCompilationUnit(), context);
    }
    Object result = results.get(leaf);
    if (result instanceof RuntimeException e) {
      throw e; // the adapter reports it against this class, not the one that happened to be first
    }
    return (Analyzer.Result) result;
  }

  private void start(CompilationUnitTree newUnit, Context context) {
    unit = newUnit;
    results.clear();
    factsFailureReported.clear();
    fixes = null;
    // Error Prone hands over one file at a time: the file's classes are its call graph.
    Program program = new Program(JavacTypes.instance(context), JavacElements.instance(context));
    IdentityHashMap<ClassTree, Analyzer.Result> candidates = new IdentityHashMap<>();
    for (Tree declaration : unit.getTypeDecls()) {
      if (declaration instanceof ClassTree type) {
        try {
          candidates.put(
              type,
              Analyzer.analyze(
                  unit,
                  type,
                  JavacTrees.instance(context),
                  JavacTypes.instance(context),
                  JavacElements.instance(context),
                  Rules.all(),
                  program));
        } catch (RuntimeException e) {
          results.put(type, e);
        }
      }
    }
    for (Map.Entry<ClassTree, Analyzer.Result> entry : candidates.entrySet()) {
      Object result;
      try {
        Analyzer.Result settled = Analyzer.settle(entry.getValue().findings(), program);
        List<Analyzer.Failure> failures = new ArrayList<>(entry.getValue().failures());
        failures.addAll(settled.failures());
        result = new Analyzer.Result(settled.findings(), List.copyOf(failures));
      } catch (RuntimeException e) {
        result = e;
      }
      results.put(entry.getKey(), result);
    }
  }

  /**
   * The fix of a finding of the current unit, or null when the fixer leaves it manual (its message
   * carries the recipe). Each fix holds exactly the fixer's edits for that finding, so applying the
   * fixes of all findings gives the text the plain plugin's {@code patch=} gives; an edit that
   * several findings need (the field's migration, an import) is the same replacement in each of
   * their fixes, which Error Prone's patcher applies once.
   */
  SuggestedFix fix(Finding finding) {
    if (fixes == null) {
      fixes = computeFixes();
    }
    return fixes.get(finding);
  }

  private Map<Finding, SuggestedFix> computeFixes() {
    List<Finding> findings = new ArrayList<>();
    for (Object result : results.values()) {
      if (result instanceof Analyzer.Result r) {
        findings.addAll(r.findings());
      }
    }
    IdentityHashMap<Finding, SuggestedFix> out = new IdentityHashMap<>();
    if (findings.isEmpty()) {
      return out;
    }
    FixResult result;
    try {
      String source = unit.getSourceFile().getCharContent(true).toString();
      result = Fixer.fix(findings.get(0).file(), source, findings);
    } catch (IOException | RuntimeException | LinkageError | StackOverflowError e) {
      // The findings are still reported, without fixes; the compilation goes on.
      System.err.println(
          "warning: ClearGuard could not compute fixes for " + findings.get(0).file() + ": " + e);
      return out;
    }
    for (int i = 0; i < findings.size(); i++) {
      List<FixResult.Edit> edits = result.editsFor(i);
      if (!edits.isEmpty()) {
        SuggestedFix.Builder fix = SuggestedFix.builder();
        for (FixResult.Edit edit : edits) {
          fix.replace(edit.start(), edit.end(), edit.replacement());
        }
        out.put(findings.get(i), fix.build());
      }
    }
    return out;
  }

  /**
   * True once per analysed class: the facts are shared, so only the first adapter to see that they
   * could not be computed reports it.
   */
  boolean claimFactsFailure(ClassTree tree) {
    return factsFailureReported.add(tree);
  }
}
