package dev.clearguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The outline that lets the analysis skip classes: what it sees, what it must not miss, and how the
 * analyzer uses the rules' answers. (Every rule test also checks that skipping loses no finding:
 * see {@link RuleTester#findings()}.)
 */
final class OutlineTest {

  /** Asks {@code question} of the outline of each top-level class in {@code source}. */
  private static Map<String, Boolean> ask(String source, Predicate<Outline> question) {
    Map<String, Boolean> answers = new TreeMap<>();
    RuleTester.create()
        .addSource("t/Source.java", source)
        .forEachClass(
            c -> answers.put(c.tree().getSimpleName().toString(), question.test(c.outline())));
    return answers;
  }

  @Test
  void callsSeesCallsInLambdasAnonymousClassesAndMethodReferences() {
    Map<String, Boolean> answers =
        ask(
            """
            package t;
            import java.util.*;
            class InLambda {
              void run(Map<String, String> m) { m.keySet().forEach(k -> m.remove(k)); }
            }
            class InAnonymousClass {
              Runnable task(Map<String, String> m) {
                return new Runnable() { public void run() { m.remove("a"); } };
              }
            }
            class AsReference {
              void run(Map<String, String> m) { m.keySet().forEach(m::remove); }
            }
            class Unqualified extends HashMap<String, String> {
              void reset() { remove("a"); }
            }
            class OnlyInText {
              // remove every entry
              String help = "call remove() to remove";
              void removeAllListeners() { removeListener(); }
              void removeListener() {}
            }
            """,
            outline -> outline.calls("remove"));
    assertEquals(
        Map.of(
            "InLambda", true,
            "InAnonymousClass", true,
            "AsReference", true,
            "Unqualified", true,
            "OnlyInText", false),
        answers);
  }

  @Test
  void synchronizedStatementIsNotASynchronizedMethod() {
    Map<String, Boolean> answers =
        ask(
            """
            package t;
            class Block {
              private final Object lock = new Object();
              void run() { Runnable r = () -> { synchronized (lock) { } }; }
            }
            class MethodOnly {
              synchronized void run() { }
            }
            """,
            Outline::hasSynchronizedStatement);
    assertEquals(Map.of("Block", true, "MethodOnly", false), answers);
  }

  @Test
  void mutableMapFieldsOfEveryKindOfNestedClass() {
    Map<String, Boolean> answers =
        ask(
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            class Own { private Map<String, String> m = new HashMap<>(); }
            class Member { static class Inner { ConcurrentMap<String, String> m; } }
            class Local {
              void run() { class Holder { Hashtable<String, String> m; } }
            }
            class Anonymous {
              Object make() { return new Object() { Properties m = new Properties(); }; }
            }
            class InInitializer {
              Object made = new Object() { Map<String, String> m; };
            }
            class FinalOnly { private final Map<String, String> m = new HashMap<>(); }
            interface Constant { Map<String, String> M = new HashMap<>(); }
            class NotAMap { private List<String> l = new ArrayList<>(); }
            class LocalsAndParameters {
              void run(Map<String, String> p) { Map<String, String> local = new HashMap<>(p); }
            }
            """,
            Outline::declaresMutableMapField);
    assertEquals(
        Map.of(
            "Own", true,
            "Member", true,
            "Local", true,
            "Anonymous", true,
            "InInitializer", true,
            "FinalOnly", false,
            "Constant", false,
            "NotAMap", false,
            "LocalsAndParameters", false),
        answers);
  }

  @Test
  void aWalkThatFailsAnswersNothing() {
    // A class tree whose members cannot be read: the walk fails inside visitClass, after it has
    // started. Every later question must fail too, not answer from what was collected so far.
    List<List<String>> outcomes = new ArrayList<>();
    RuleTester.create()
        .addSource(
            "t/Plain.java", "package t; class Plain { void run() { clear(); } void clear() {} }")
        .forEachClass(
            c -> {
              com.sun.source.tree.ClassTree broken =
                  (com.sun.source.tree.ClassTree)
                      java.lang.reflect.Proxy.newProxyInstance(
                          getClass().getClassLoader(),
                          new Class<?>[] {com.sun.source.tree.ClassTree.class},
                          (proxy, method, args) -> {
                            if (method.getName().equals("accept")) {
                              @SuppressWarnings("unchecked")
                              var visitor =
                                  (com.sun.source.tree.TreeVisitor<Object, Object>) args[0];
                              return visitor.visitClass(
                                  (com.sun.source.tree.ClassTree) proxy, args[1]);
                            }
                            if (method.getName().equals("getMembers")) {
                              throw new IllegalStateException("unreadable");
                            }
                            return c.tree().getClass().getMethod(method.getName()).invoke(c.tree());
                          });
              Outline outline = Outline.of(c.unit(), broken, c.trees(), c.types(), c.elements());
              List<String> answers = new ArrayList<>();
              for (Predicate<Outline> question :
                  List.<Predicate<Outline>>of(
                      o -> o.calls("clear"),
                      Outline::hasSynchronizedStatement,
                      Outline::declaresMutableMapField)) {
                try {
                  answers.add(String.valueOf(question.test(outline)));
                } catch (IllegalStateException e) {
                  answers.add(e.getMessage());
                }
              }
              outcomes.add(answers);
            });
    assertEquals(List.of(List.of("unreadable", "unreadable", "unreadable")), outcomes);
  }

  /** A rule that fails whenever it is run, with a fixed answer to {@link #mayReport}. */
  private record Probe(String name, Predicate<Outline> precondition) implements Rule {
    @Override
    public String summary() {
      return "Probe";
    }

    @Override
    public boolean mayReport(Outline outline) {
      return precondition.test(outline);
    }

    @Override
    public void check(dev.clearguard.rules.facts.ClassFacts facts, Consumer<Finding> sink) {
      throw new IllegalStateException("ran");
    }
  }

  private static List<String> rulesRun(List<Rule> rules) {
    List<String> ran = new ArrayList<>();
    RuleTester.create()
        .addSource("t/Plain.java", "package t; class Plain { int x; int get() { return x; } }")
        .forEachClass(c -> c.analyze(rules).failures().forEach(failure -> ran.add(failure.rule())));
    return ran;
  }

  @Test
  void analyzerSkipsRulesThatCannotReportAndClassesNoRuleCanReportIn() {
    assertEquals(List.of(), rulesRun(List.of(new Probe("Never", o -> false))));
    assertEquals(
        List.of("Always"),
        rulesRun(List.of(new Probe("Never", o -> false), new Probe("Always", o -> true))));
  }

  @Test
  void aRuleWhosePreconditionThrowsStillRuns() {
    assertEquals(
        List.of("Broken"),
        rulesRun(
            List.of(
                new Probe(
                    "Broken",
                    o -> {
                      throw new IllegalStateException("bug in mayReport");
                    }))));
  }

  @Test
  void theBuiltInRulesSkipAClassWithNothingToReport() {
    List<Boolean> skipped = new ArrayList<>();
    RuleTester.create()
        .addSource(
            "t/Totals.java",
            """
            package t;
            import java.util.*;
            class Totals {
              private final Map<String, Integer> counts = new HashMap<>();
              synchronized void add(String k) { counts.merge(k, 1, Integer::sum); }
            }
            """)
        .forEachClass(
            c -> {
              Outline outline = c.outline();
              skipped.add(Rules.all().stream().noneMatch(rule -> rule.mayReport(outline)));
            });
    assertEquals(List.of(true), skipped, "no rule can report in Totals");
  }
}
