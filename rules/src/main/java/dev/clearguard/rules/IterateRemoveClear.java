package dev.clearguard.rules;

import com.google.auto.service.AutoService;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import dev.clearguard.rules.FixPlan.Shape;
import dev.clearguard.rules.facts.Access;
import dev.clearguard.rules.facts.ClassFacts;
import dev.clearguard.rules.facts.ClassFacts.Event;
import dev.clearguard.rules.facts.FieldFacts;
import dev.clearguard.rules.facts.MapKnowledge;
import dev.clearguard.rules.facts.MapTarget;
import dev.clearguard.rules.facts.Site;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/** Flags code that empties a shared concurrent map by removing its entries one at a time. */
@AutoService(Rule.class)
public final class IterateRemoveClear implements Rule {
  /** The one-line summary (the Error Prone check's {@code @BugPattern} copies it). */
  public static final String SUMMARY =
      "Clear a shared concurrent map in one call instead of removing its entries one by one";

  /**
   * Error: puts made during the loop are lost or survive at random, and readers see a half-emptied
   * map.
   */
  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return SUMMARY;
  }

  @Override
  public Set<FixPlan.Strategy> fixes() {
    return Set.of(
        FixPlan.Strategy.SNAPSHOT_MAP,
        FixPlan.Strategy.VOLATILE_PUBLISH,
        FixPlan.Strategy.MINIMAL_CLEAR);
  }

  /**
   * Every variant removes through a method named remove, removeIf, removeAll or retainAll, and
   * reaches the map's keys through one of the map's views ({@code keySet()}, {@code entrySet()},
   * {@code values()}, ...) or through the map's {@code forEach}.
   */
  @Override
  public boolean mayReport(Outline outline) {
    return outline.calls(REMOVALS) && outline.callsOnMap(KEY_SOURCES);
  }

  private static final String[] REMOVALS = {"remove", "removeIf", "removeAll", "retainAll"};

  private static final String[] KEY_SOURCES =
      Stream.concat(MapKnowledge.VIEWS.stream(), Stream.of("forEach")).toArray(String[]::new);

  @Override
  public void check(ClassFacts facts, Consumer<Finding> sink) {
    for (Event<StatementTree> loop : facts.loops()) {
      Tree tree = loop.tree();
      Removals.Match match =
          tree instanceof EnhancedForLoopTree forEach
              ? Removals.forEachLoop(facts, forEach, loop.site())
              : tree instanceof WhileLoopTree whileLoop
                  ? Removals.iteratorWhile(facts, whileLoop, loop.site())
                  : tree instanceof ForLoopTree forLoop
                      ? Removals.iteratorFor(facts, forLoop, loop.site())
                      : null;
      report(facts, match, loop.site(), tree, sink);
    }
    for (Event<MethodInvocationTree> call : facts.calls()) {
      Removals.Match match = Removals.bulkCall(facts, call.tree(), call.site());
      Tree parent = call.site().path().getParentPath().getLeaf();
      Tree statement = parent instanceof ExpressionStatementTree ? parent : call.tree();
      report(facts, match, call.site(), statement, sink);
    }
  }

  /** Calls that can replace the value of a key that is present. */
  private static final Set<String> REPLACING =
      Set.of("put", "putAll", "merge", "compute", "computeIfPresent", "replace", "replaceAll");

  /**
   * What the rest of the class may call on a map it only ever adds to: reads, and adding a key that
   * is absent. A removal elsewhere would let a key be removed and added again with another value
   * while the drain holds the old one; a view could remove, or replace a value, unseen.
   */
  private static final Set<String> ADDS_OR_READS =
      Set.of(
          "get",
          "getOrDefault",
          "containsKey",
          "containsValue",
          "size",
          "isEmpty",
          "putIfAbsent",
          "computeIfAbsent");

  /**
   * A drain that loses nothing: the map is a private field of this class that only ever holds a map
   * the class created; outside the drain, the class only reads it and adds keys that are absent
   * ({@code putIfAbsent}, {@code computeIfAbsent}); and the drain is repeated until the map is
   * empty ({@code do { .. } while (!map.isEmpty())}, or a {@code while} loop). No value can change
   * between reading an entry and removing it, and an entry added during a pass is drained by the
   * next one, so nothing is lost or left behind; what other threads see meanwhile is a map being
   * drained, which is what a drain is.
   */
  private static boolean losslessDrain(ClassFacts facts, MapTarget map, TreePath loop) {
    FieldFacts field = map.field();
    if (field == null
        || !MapTarget.OWN.equals(map.owner())
        || !field.element().getModifiers().contains(Modifier.PRIVATE)) {
      return false;
    }
    for (ExpressionTree value : field.assignedValues()) {
      if (!(MapKnowledge.skipParens(value) instanceof NewClassTree)) {
        return false; // a map from elsewhere: its other writers are not in view
      }
    }
    Tree repeat = repeatedUntilEmpty(facts, field, loop);
    if (repeat == null) {
      return false;
    }
    for (Access access : field.accesses()) {
      if (access.kind() == Access.Kind.ASSIGN) {
        if (access.site().prePublication()) {
          continue;
        }
        return false;
      }
      TreePath select = access.site().path().getParentPath();
      if (!(select.getLeaf() instanceof MemberSelectTree member)
          || !(select.getParentPath().getLeaf() instanceof MethodInvocationTree call)
          || call.getMethodSelect() != member) {
        return false; // the map is handed on: its other writers are not in view
      }
      String method = member.getIdentifier().toString();
      boolean allowed =
          within(access.site().path(), repeat)
              ? !REPLACING.contains(method)
              : ADDS_OR_READS.contains(method);
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  private static boolean within(TreePath path, Tree ancestor) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() == ancestor) {
        return true;
      }
    }
    return false;
  }

  /**
   * The {@code do { .. } while (!f.isEmpty())} or {@code while (!f.isEmpty()) { .. }} loop around
   * the loop at {@code loop}, {@code f} being the object's own field; null when there is none.
   */
  private static Tree repeatedUntilEmpty(ClassFacts facts, FieldFacts field, TreePath loop) {
    for (TreePath path = loop.getParentPath(); path != null; path = path.getParentPath()) {
      Tree leaf = path.getLeaf();
      if (leaf instanceof MethodTree
          || leaf instanceof LambdaExpressionTree
          || leaf instanceof ClassTree) {
        return null;
      }
      ExpressionTree condition =
          leaf instanceof DoWhileLoopTree doWhile
              ? doWhile.getCondition()
              : leaf instanceof WhileLoopTree whileLoop ? whileLoop.getCondition() : null;
      if (condition != null
          && MapKnowledge.skipParens(condition) instanceof UnaryTree not
          && not.getKind() == Tree.Kind.LOGICAL_COMPLEMENT
          && MapKnowledge.skipParens(not.getExpression()) instanceof MethodInvocationTree isEmpty
          && isEmpty.getArguments().isEmpty()
          && isEmpty.getMethodSelect() instanceof MemberSelectTree select
          && select.getIdentifier().contentEquals("isEmpty")
          && MapKnowledge.isOnThis(select.getExpression())
          && field.element().equals(facts.element(select.getExpression(), path))) {
        return leaf;
      }
    }
    return null;
  }

  private void report(
      ClassFacts facts, Removals.Match match, Site site, Tree reported, Consumer<Finding> sink) {
    if (match == null || !Guards.racy(facts, match.map(), site)) {
      return;
    }
    if (match.shape() == Shape.DRAIN_LOOP && losslessDrain(facts, match.map(), site.path())) {
      return;
    }
    MapTarget map = match.map();
    String message =
        "Removing the entries of `"
            + map.name()
            + "` one at a time is not atomic: readers see a half-emptied map, entries added"
            + " meanwhile survive, and a value written between reading a key and removing it is"
            + " lost. "
            + Fixes.preferredFix(facts, match.shape(), map);
    String recipe =
        match.shape() == Shape.DRAIN_LOOP
            ? "Migrate `"
                + map.name()
                + "` to SnapshotMap and iterate over `"
                + map.name()
                + ".drain().entrySet()`; without it, swap in a fresh map through a volatile field"
                + " and process the old one."
            : "Replace the loop by `" + map.name() + ".clear()`.";
    String rewriteProblem =
        match.shape() == Shape.DRAIN_LOOP ? Removals.drainRewriteProblem(match, reported) : null;
    FixPlan plan =
        Fixes.plan(facts, match.shape(), map, reported, match.related(), recipe, rewriteProblem);
    TreePath path = reported == site.path().getLeaf() ? site.path() : site.path().getParentPath();
    FixPlan.Position at = facts.position(reported);
    sink.accept(
        new Finding(
                name(), facts.fileName(), at.line(), at.column(), at.offset(), message, plan, path)
            .when(Guards.stillRacy(map, site)));
  }
}
