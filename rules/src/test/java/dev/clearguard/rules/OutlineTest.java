package dev.clearguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  /**
   * The walk takes shortcuts through the common kinds of tree; it must still find every call that a
   * walk over every child finds, in every construct of the language and in the real-world
   * reductions.
   */
  @Test
  void theWalkFindsEveryCallThatAWalkOverEveryChildFinds() throws java.io.IOException {
    RuleTester tester =
        RuleTester.create()
            .addSource(
                "t/Everything.java",
                """
                package t;
                import java.util.*;
                import java.util.function.*;
                @SuppressWarnings(value = {"a", "b"})
                class Everything<T extends Comparable<T>> implements Runnable {
                  static int counter = init0();
                  static { init1(); }
                  { init2(); }
                  int[] array = {init3(), init4()};
                  int[][] grid = new int[init5()][];
                  Object anonymous = new Object() { int x = init6(); };
                  Everything() { this(init7()); }
                  Everything(int i) { super(); init8(); }
                  enum E { A(e1()) { void m() { e2(); } }; E(int i) {} void m() {} static int e1() { return 0; } static void e2() {} }
                  record R(int a) { R { r1(); } static void r1() {} }
                  interface I { default void d() { i1(); } void i1(); }
                  @interface A { int value() default 1; }
                  public void run() {
                    int i = 0;
                    i += c1();
                    i = -c2() + (c3() * c4());
                    i++;
                    boolean b = !c5() && c6() instanceof String s && s.isEmpty();
                    Object o = (Object) c7();
                    String t = c8() ? c9() : c10();
                    label: for (int k = c11(); k < c12(); k = c13()) { if (c14()) break label; else continue; }
                    for (Object x : c15()) { c16(); }
                    while (c17()) { c18(); }
                    do { c19(); } while (c20());
                    switch (c21()) { case 1: c22(); break; default: c23(); }
                    int y = switch (c24()) { case 1 -> c25(); default -> { yield c26(); } };
                    try (AutoCloseable r = c27()) { c28(); } catch (Exception e) { c29(); } finally { c30(); }
                    synchronized (c31()) { c32(); }
                    assert c33() : c34();
                    Runnable l = () -> c35();
                    Supplier<Object> ref = this::c36;
                    Function<Integer, int[]> arr = int[]::new;
                    class Local { void m() { c37(); } }
                    new Everything<T>() { public void run() { c38(); } };
                    if (c39()) throw c40();
                    array[c41()] = c42();
                    Object n = new int[] {c43()};
                    Object q = c44().length;
                    Object p = (c45());
                    this.c46();
                    Everything.this.c47();
                    c48().c49().c50();
                    return;
                  }
                  static int init0() { return 0; } static void init1() {} void init2() {} int init3() { return 0; }
                  int init4() { return 0; } int init5() { return 0; } int init6() { return 0; } static int init7() { return 0; }
                  void init8() {}
                  int c1() { return 0; } int c2() { return 0; } int c3() { return 0; } int c4() { return 0; }
                  boolean c5() { return true; } Object c6() { return null; } Object c7() { return null; }
                  boolean c8() { return true; } String c9() { return ""; } String c10() { return ""; }
                  int c11() { return 0; } int c12() { return 0; } int c13() { return 0; } boolean c14() { return true; }
                  List<Object> c15() { return null; } void c16() {} boolean c17() { return true; } void c18() {}
                  void c19() {} boolean c20() { return true; } int c21() { return 0; } void c22() {} void c23() {}
                  int c24() { return 0; } int c25() { return 0; } int c26() { return 0; }
                  AutoCloseable c27() { return null; } void c28() {} void c29() {} void c30() {}
                  Object c31() { return this; } void c32() {} boolean c33() { return true; } String c34() { return ""; }
                  void c35() {} Object c36() { return null; } void c37() {} void c38() {} boolean c39() { return true; }
                  RuntimeException c40() { return null; } int c41() { return 0; } int c42() { return 0; }
                  int c43() { return 0; } int[] c44() { return null; } Object c45() { return null; } void c46() {} void c47() {}
                  Everything<T> c48() { return this; } Everything<T> c49() { return this; } void c50() {}
                }
                """);
    java.nio.file.Path reductions = java.nio.file.Path.of("src", "test", "resources", "reductions");
    try (var files = java.nio.file.Files.walk(reductions)) {
      for (var file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        tester.addSource(
            reductions.relativize(file).toString(), java.nio.file.Files.readString(file));
      }
    }
    List<String> missed = new ArrayList<>();
    int[] checked = new int[1];
    tester.forEachClass(
        c -> {
          java.util.Set<String> everyCall = new java.util.TreeSet<>();
          boolean[] sync = new boolean[1];
          new com.sun.source.util.TreeScanner<Void, Void>() {
            @Override
            public Void visitMethodInvocation(
                com.sun.source.tree.MethodInvocationTree tree, Void unused) {
              com.sun.source.tree.Tree select = tree.getMethodSelect();
              everyCall.add(
                  select instanceof com.sun.source.tree.MemberSelectTree member
                      ? member.getIdentifier().toString()
                      : select.toString());
              return super.visitMethodInvocation(tree, unused);
            }

            @Override
            public Void visitMemberReference(
                com.sun.source.tree.MemberReferenceTree tree, Void unused) {
              everyCall.add(tree.getName().toString());
              return super.visitMemberReference(tree, unused);
            }

            @Override
            public Void visitSynchronized(com.sun.source.tree.SynchronizedTree tree, Void unused) {
              sync[0] = true;
              return super.visitSynchronized(tree, unused);
            }
          }.scan(c.tree(), null);
          Outline outline = c.outline();
          String name = c.tree().getSimpleName().toString();
          for (String call : everyCall) {
            checked[0]++;
            if (!outline.calls(call)) {
              missed.add(name + ": " + call);
            }
          }
          if (outline.calls("neverCalledAnywhere")) {
            missed.add(name + ": a call that is not there");
          }
          if (outline.hasSynchronizedStatement() != sync[0]) {
            missed.add(name + ": synchronized statement " + sync[0]);
          }
        });
    assertEquals(List.of(), missed);
    assertTrue(checked[0] > 500, "too few calls compared: " + checked[0]);
  }

  @Test
  void callsOnMapCountsOnlyMethodsThatAMapTypeDeclares() {
    Map<String, Boolean> answers =
        ask(
            """
            package t;
            import java.util.*;
            import java.util.concurrent.*;
            class EnumValues {
              enum Color { RED }
              void run(List<String> l) { for (Color c : Color.values()) { l.remove(c.name()); } }
            }
            class ListClear { void run(List<String> l) { l.clear(); l.add("a"); } }
            class MapView { void run(ConcurrentHashMap<String, String> m) { m.keySet(); } }
            class TypeVariable<M extends Map<String, String>> { void run(M m) { m.values(); } }
            class Unqualified extends HashMap<String, String> { void reset() { clear(); } }
            class Reference {
              Runnable run(Map<String, String> m) { return m::clear; }
            }
            """,
            outline -> outline.callsOnMap("keySet", "values", "clear"));
    assertEquals(
        Map.of(
            "EnumValues", false,
            "ListClear", false,
            "MapView", true,
            "TypeVariable", true,
            "Unqualified", true,
            "Reference", true),
        answers);
  }

  @Test
  void callsOnMapRejectsANameTheWalkDoesNotResolve() {
    List<String> messages = new ArrayList<>();
    RuleTester.create()
        .addSource("t/Plain.java", "package t; class Plain { }")
        .forEachClass(
            c -> {
              try {
                c.outline().callsOnMap("put");
              } catch (IllegalArgumentException e) {
                messages.add(e.getMessage());
              }
            });
    assertEquals(1, messages.size());
    assertTrue(messages.get(0).endsWith("not put"), messages.get(0));
    assertTrue(messages.get(0).contains("clear"), messages.get(0));
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
            class InLambda {
              Runnable r = () -> { class Holder { Map<String, String> m; } };
            }
            class InSwitch {
              void run(int i) { switch (i) { case 1: new Object() { Map<String, String> m; }; } }
            }
            class InStaticInitializer { static { new Object() { Map<String, String> m; }; } }
            enum InEnumConstant { A { Map<String, String> m; } }
            record InRecord(int a) { static Map<String, String> m; }
            class FinalOnly { private final Map<String, String> m = new HashMap<>(); }
            interface Constant { Map<String, String> M = new HashMap<>(); }
            class NotAMap { private List<String> l = new ArrayList<>(); }
            class LocalsAndParameters {
              void run(Map<String, String> p) { Map<String, String> local = new HashMap<>(p); }
            }
            """,
            Outline::declaresMutableMapField);
    Map<String, Boolean> expected = new TreeMap<>();
    for (String declares :
        List.of(
            "Own",
            "Member",
            "Local",
            "Anonymous",
            "InInitializer",
            "InLambda",
            "InSwitch",
            "InStaticInitializer",
            "InEnumConstant",
            "InRecord")) {
      expected.put(declares, true);
    }
    for (String doesNot : List.of("FinalOnly", "Constant", "NotAMap", "LocalsAndParameters")) {
      expected.put(doesNot, false);
    }
    assertEquals(expected, answers);
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
                            return method.invoke(c.tree(), args);
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
    public dev.clearguard.rules.Severity severity() {
      return dev.clearguard.rules.Severity.WARNING;
    }

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

  @Test
  void removalsAndClearsWithoutTheRestOfTheirShapeAreSkipped() {
    Map<String, Boolean> answers =
        ask(
            """
            package t;
            import java.util.*;
            class ListRemoval {
              private final List<String> l = new ArrayList<>();
              void drop(String s) { l.remove(s); }
            }
            class ClearOnly {
              private final Map<String, String> m = new HashMap<>();
              void reset() { m.clear(); }
            }
            class ListClearThenPut {
              private final List<String> l = new ArrayList<>();
              void reload(Map<String, String> f) { l.clear(); f.put("a", "b"); }
            }
            class RemovalOverEnumValues {
              enum Color { RED }
              private final List<String> l = new ArrayList<>();
              void run() { for (Color c : Color.values()) { l.remove(c.name()); } }
            }
            class RemovalThroughAView {
              private final Map<String, String> m = new HashMap<>();
              void reset() { for (String k : m.keySet()) { m.remove(k); } }
            }
            class RemovalThroughForEach {
              private final Map<String, String> m = new HashMap<>();
              void reset() { m.forEach((k, v) -> m.remove(k)); }
            }
            class ClearThenPutAll {
              private final Map<String, String> m = new HashMap<>();
              void reload(Map<String, String> f) { m.clear(); m.putAll(f); }
            }
            class ClearThenComputeInALoop {
              private final Map<String, String> m = new HashMap<>();
              void reload(List<String> ks) { m.clear(); for (String k : ks) m.computeIfAbsent(k, x -> x); }
            }
            """,
            outline -> Rules.all().stream().anyMatch(rule -> rule.mayReport(outline)));
    assertEquals(
        Map.of(
            "ListRemoval", false,
            "ClearOnly", false,
            "ListClearThenPut", false,
            "RemovalOverEnumValues", false,
            "RemovalThroughAView", true,
            "RemovalThroughForEach", true,
            "ClearThenPutAll", true,
            "ClearThenComputeInALoop", true),
        answers);
  }
}
