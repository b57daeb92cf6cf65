package dev.clearguard.rules;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.Trees;
import dev.clearguard.rules.facts.ClassFacts;
import dev.clearguard.rules.facts.FieldFacts;
import dev.clearguard.rules.facts.Program;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Runs rules over one attributed top-level class: builds its facts once, hands them to each rule,
 * drops suppressed findings, and isolates failures so one broken rule never stops the others.
 */
public final class Analyzer {
  /** The pseudo-rule name under which a failure to compute the class's facts is reported. */
  public static final String FACTS = "ClassFacts";

  private Analyzer() {}

  /** A rule (or the facts) threw while analysing a class. */
  public record Failure(String rule, String className, Throwable error) {
    /** What every front end tells the user: the build goes on, and how to help fix it. */
    public String message() {
      return "ClearGuard: rule "
          + rule
          + " failed on class "
          + className
          + " and was skipped there ("
          + error
          + "); the compilation continues. Please report this with the class's code.";
    }
  }

  /** The findings of one class, sorted by position, and the rules that failed on it. */
  public record Result(List<Finding> findings, List<Failure> failures) {}

  /** {@code @SuppressWarnings} on the field a finding is about silences it too. */
  private static boolean fieldSuppresses(ClassFacts facts, Finding finding, String rule) {
    FixPlan.FieldRef ref = finding.fixPlan().field();
    if (ref == null) {
      return false;
    }
    for (FieldFacts field : facts.fields()) {
      if (field.name().equals(ref.name())
          && field.owner().getQualifiedName().contentEquals(ref.owner())) {
        return Suppression.isSuppressedOn(field.element(), rule);
      }
    }
    return false;
  }

  /**
   * Analyses one class with {@code rules}. A class in which no rule {@linkplain Rule#mayReport may
   * report}, judged from its {@link Outline}, is skipped without computing its facts: in a typical
   * build that is most classes.
   */
  public static Result analyze(
      CompilationUnitTree unit,
      ClassTree topLevel,
      Trees trees,
      Types types,
      Elements elements,
      List<Rule> rules) {
    return analyze(unit, topLevel, trees, types, elements, rules, null);
  }

  /**
   * Analyses one class and adds its calls to {@code program}, the compilation's call graph. The
   * findings returned are candidates: {@link #settle} keeps those whose {@linkplain
   * Finding#condition() condition} holds once every class of the compilation has been analysed.
   * With a null program, the class is its own program, settled at once.
   */
  public static Result analyze(
      CompilationUnitTree unit,
      ClassTree topLevel,
      Trees trees,
      Types types,
      Elements elements,
      List<Rule> rules,
      Program program) {
    Program own = program != null ? program : new Program(types, elements);
    Outline outline = Outline.of(unit, topLevel, trees, types, elements, own);
    try {
      outline.record();
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      // The class's calls are missing from the graph; each rule still gets its own answer below.
    }
    Result candidates = analyzeOutlined(unit, topLevel, trees, types, elements, rules, outline);
    if (program != null) {
      return candidates;
    }
    Result settled = settle(candidates.findings(), own);
    List<Failure> failures = new ArrayList<>(candidates.failures());
    failures.addAll(settled.failures());
    return new Result(settled.findings(), List.copyOf(failures));
  }

  /**
   * The candidates whose condition holds in {@code program}, which must by now hold every class of
   * the compilation. A condition that throws drops its finding and is reported as a failure.
   */
  public static Result settle(List<Finding> candidates, Program program) {
    List<Finding> kept = new ArrayList<>(candidates.size());
    List<Failure> failures = new ArrayList<>();
    for (Finding finding : candidates) {
      try {
        if (finding.condition().holds(program)) {
          kept.add(finding);
        }
      } catch (RuntimeException | LinkageError | StackOverflowError e) {
        failures.add(new Failure(finding.rule(), finding.file(), e));
      }
    }
    return new Result(List.copyOf(kept), List.copyOf(failures));
  }

  private static Result analyzeOutlined(
      CompilationUnitTree unit,
      ClassTree topLevel,
      Trees trees,
      Types types,
      Elements elements,
      List<Rule> rules,
      Outline outline) {
    List<Rule> applicable = new ArrayList<>(rules.size());
    for (Rule rule : rules) {
      if (mayReport(rule, outline)) {
        applicable.add(rule);
      }
    }
    if (applicable.isEmpty()) {
      return new Result(List.of(), List.of());
    }
    return analyzeFully(unit, topLevel, trees, types, elements, applicable);
  }

  /** A rule whose precondition fails is run anyway: a broken shortcut must not hide findings. */
  private static boolean mayReport(Rule rule, Outline outline) {
    try {
      return rule.mayReport(outline);
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      return true;
    }
  }

  /**
   * Analyses one class with every rule in {@code rules}, outline or not. Tests compare it with
   * {@link #analyze} to prove that no rule's {@link Rule#mayReport} hides a finding.
   */
  public static Result analyzeFully(
      CompilationUnitTree unit,
      ClassTree topLevel,
      Trees trees,
      Types types,
      Elements elements,
      List<Rule> rules) {
    String className = topLevel.getSimpleName().toString();
    List<Failure> failures = new ArrayList<>();
    ClassFacts facts;
    try {
      facts = ClassFacts.of(unit, topLevel, trees, types, elements);
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      failures.add(new Failure(FACTS, className, e));
      return new Result(List.of(), failures);
    }
    if (facts.erroneous()) {
      return new Result(List.of(), List.of());
    }
    List<Finding> findings = new ArrayList<>();
    for (Rule rule : rules) {
      List<Finding> found = new ArrayList<>();
      try {
        rule.check(facts, found::add);
      } catch (RuntimeException | LinkageError | StackOverflowError e) {
        failures.add(new Failure(rule.name(), className, e));
        continue;
      }
      for (Finding finding : found) {
        boolean suppressed =
            (finding.path() != null && Suppression.isSuppressed(trees, finding.path(), rule.name()))
                || fieldSuppresses(facts, finding, rule.name());
        if (!suppressed) {
          findings.add(finding);
        }
      }
    }
    findings.sort(Comparator.comparingLong(Finding::position).thenComparing(Finding::rule));
    if (!findings.isEmpty() && Generated.isGenerated(unit)) {
      return new Result(List.of(), List.copyOf(failures)); // nobody edits generated code by hand
    }
    return new Result(List.copyOf(findings), List.copyOf(failures));
  }
}
