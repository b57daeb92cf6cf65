package dev.clearguard.checker;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.clearguard.rules.Analyzer;
import dev.clearguard.rules.Finding;
import dev.clearguard.rules.Rule;
import dev.clearguard.rules.Rules;
import dev.clearguard.rules.facts.Program;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Runs the rules on every top-level class once javac has analysed it, reports each finding as a
 * diagnostic at its line, and writes the compilation's reports when javac is done.
 *
 * <p>Nothing here may break the user's compilation: a rule that throws becomes one note naming the
 * rule, the class and the exception, and the other rules still run.
 */
public final class ClearGuardListener implements TaskListener {
  private final JavacTask task;
  private final Trees trees;
  private final Options options;
  private final List<Rule> rules;
  private final List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
  private final List<FindingsSink> sinks = new ArrayList<>();

  /**
   * The compilation's call graph. A finding's last word (does its code run only at start-up? is a
   * lock held at every call of its method?) needs every class's calls, so findings wait in {@link
   * #candidates} until javac has analysed every class it entered.
   */
  private Program program;

  private final List<Candidate> candidates = new ArrayList<>();

  /** The top-level classes javac entered and has not analysed yet. */
  private final Set<ClassTree> pending = Collections.newSetFromMap(new IdentityHashMap<>());

  private boolean settled;

  /** A finding waiting for the rest of the compilation, with where to report it. */
  private record Candidate(Finding finding, CompilationUnitTree unit) {}

  /** Told of the findings of each file once they are final. */
  public interface FileFindingsSink {
    void found(CompilationUnitTree unit, List<Finding> findings);
  }

  private final List<FileFindingsSink> fileSinks = new ArrayList<>();

  public void addFileSink(FileFindingsSink sink) {
    fileSinks.add(sink);
  }

  /** Receives the compilation's findings when javac finishes, for reports and patches. */
  public interface FindingsSink {
    void compilationFinished(JavacTask task, List<Finding> findings) throws IOException;
  }

  public ClearGuardListener(JavacTask task, Options options) {
    this(task, options, options.rules());
  }

  /** For tests: the given rules instead of the options' ones. */
  public ClearGuardListener(JavacTask task, Options options, List<Rule> rules) {
    this.task = task;
    this.trees = Trees.instance(task);
    this.options = options;
    this.rules = List.copyOf(rules);
    if (options.json() != null) {
      sinks.add((t, all) -> AtomicFiles.write(options.json(), JsonReport.render(all)));
    }
  }

  public void addSink(FindingsSink sink) {
    sinks.add(sink);
  }

  /** Every finding reported so far in this compilation. */
  public List<Finding> findings() {
    synchronized (findings) {
      return List.copyOf(findings);
    }
  }

  @Override
  public void finished(TaskEvent event) {
    try {
      if (event.getKind() == TaskEvent.Kind.ENTER) {
        entered(event.getCompilationUnit());
      } else if (event.getKind() == TaskEvent.Kind.ANALYZE) {
        analyze(event);
        if (pending.isEmpty()) {
          settle();
        }
      } else if (event.getKind() == TaskEvent.Kind.COMPILATION) {
        settle(); // classes javac entered but never analysed: report what there is
        writeReports();
      }
    } catch (VirtualMachineError e) {
      throw e; // out of memory is the JVM's to handle, not ours to hide
    } catch (Throwable e) {
      // A ClearGuard bug must never fail the user's compilation: say so once and go on.
      System.err.println(
          "warning: ClearGuard failed on "
              + (event.getTypeElement() != null ? event.getTypeElement() : event.getKind())
              + " and skipped it: "
              + e);
    }
  }

  private void entered(CompilationUnitTree unit) {
    if (unit == null || settled) {
      return;
    }
    for (Tree declaration : unit.getTypeDecls()) {
      if (declaration instanceof ClassTree type) {
        pending.add(type);
      }
    }
  }

  private void analyze(TaskEvent event) {
    CompilationUnitTree unit = event.getCompilationUnit();
    if (event.getTypeElement() == null || unit == null) {
      return;
    }
    ClassTree tree = declaration(unit, event.getTypeElement());
    if (tree == null) {
      return;
    }
    // A class javac analyses after the others were settled (a source it found on the source path
    // while compiling them) is its own program: its callers were all seen already.
    boolean late = settled;
    if (program == null && !late) {
      program = new Program(task.getTypes(), task.getElements());
    }
    pending.remove(tree);
    Analyzer.Result result =
        Analyzer.analyze(
            unit, tree, trees, task.getTypes(), task.getElements(), rules, late ? null : program);
    for (Analyzer.Failure failure : result.failures()) {
      note(failure.message(), tree, unit);
    }
    if (late) {
      report(unit, result.findings());
      return;
    }
    for (Finding finding : result.findings()) {
      candidates.add(new Candidate(finding, unit));
    }
  }

  private void report(CompilationUnitTree unit, List<Finding> confirmed) {
    for (Finding finding : confirmed) {
      findings.add(finding);
      Diagnostic.Kind kind = options.severity().kind(Rules.severityOf(finding.rule()));
      try {
        trees.printMessage(
            kind, "[" + finding.rule() + "] " + finding.message(), finding.path().getLeaf(), unit);
      } catch (RuntimeException e) {
        System.err.println(
            "warning: ClearGuard could not report a finding of " + finding.rule() + ": " + e);
      }
    }
    for (FileFindingsSink sink : fileSinks) {
      sink.found(unit, confirmed);
    }
  }

  /** Every class has been analysed: keep the findings the whole program confirms, report them. */
  private void settle() {
    if (settled) {
      return;
    }
    settled = true;
    if (program == null) {
      return;
    }
    java.util.Map<CompilationUnitTree, List<Finding>> byUnit = new java.util.LinkedHashMap<>();
    for (Candidate candidate : candidates) {
      byUnit.computeIfAbsent(candidate.unit(), u -> new ArrayList<>()).add(candidate.finding());
    }
    candidates.clear();
    for (java.util.Map.Entry<CompilationUnitTree, List<Finding>> entry : byUnit.entrySet()) {
      CompilationUnitTree unit = entry.getKey();
      Analyzer.Result result = Analyzer.settle(entry.getValue(), program);
      for (Analyzer.Failure failure : result.failures()) {
        System.err.println(
            "warning: ClearGuard: rule "
                + failure.rule()
                + " failed on "
                + failure.className()
                + " and was skipped there ("
                + failure.error()
                + "); the compilation continues. Please report this with the class's code.");
      }
      report(unit, result.findings());
    }
    program = null; // its answers are given; let the compilation's elements go
  }

  /**
   * The top-level class's tree, found among the unit's declarations. {@code Trees.getTree} would
   * find it too, but by scanning the whole unit once more for every class.
   */
  private ClassTree declaration(CompilationUnitTree unit, TypeElement type) {
    for (Tree declared : unit.getTypeDecls()) {
      // A declaration's element is read off the tree itself: cheaper than comparing the names.
      if (declared instanceof ClassTree candidate
          && type.equals(trees.getElement(new TreePath(new TreePath(unit), candidate)))) {
        return candidate;
      }
    }
    return null;
  }

  private void writeReports() {
    List<Finding> all = findings();
    for (FindingsSink sink : sinks) {
      try {
        sink.compilationFinished(task, all);
      } catch (VirtualMachineError e) {
        throw e;
      } catch (Throwable e) {
        // The compilation itself succeeded; losing a report must not fail it, but must be said.
        System.err.println("warning: ClearGuard could not write its report: " + e);
      }
    }
  }

  private void note(String message, ClassTree tree, CompilationUnitTree unit) {
    try {
      trees.printMessage(Diagnostic.Kind.NOTE, message, tree, unit);
    } catch (RuntimeException e) {
      System.err.println(message);
    }
  }
}
