package dev.clearguard.rules;

import com.google.auto.service.AutoService;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import dev.clearguard.rules.FixPlan.Shape;
import dev.clearguard.rules.facts.ClassFacts;
import dev.clearguard.rules.facts.ClassFacts.Event;
import dev.clearguard.rules.facts.MapKnowledge;
import dev.clearguard.rules.facts.MapTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Flags {@code clear()} on a shared concurrent map followed by a refill of the same map. */
@AutoService(Rule.class)
public final class ClearThenRefill implements Rule {
  /**
   * The one-line summary, a constant so annotations (Error Prone\'s {@code @BugPattern}) can use
   * it.
   */
  public static final String SUMMARY =
      "Install a map's new contents in one atomic step instead of clearing and refilling it";

  @Override
  public String summary() {
    return SUMMARY;
  }

  /** The finding is a call to a map's clear(), and the refill calls putAll or one of the puts. */
  @Override
  public boolean mayReport(Outline outline) {
    return outline.callsOnMap("clear") && outline.calls(REFILLS);
  }

  private static final String[] REFILLS =
      Stream.concat(MapKnowledge.PUTS.stream(), Stream.of("putAll")).toArray(String[]::new);

  @Override
  public void check(ClassFacts facts, Consumer<Finding> sink) {
    for (Event<MethodInvocationTree> event : facts.calls()) {
      MethodInvocationTree call = event.tree();
      if (!MapKnowledge.methodName(call).equals("clear")
          || !call.getArguments().isEmpty()
          || MapKnowledge.receiver(call) == null) {
        continue;
      }
      TreePath statementPath = event.site().path().getParentPath();
      if (!(statementPath.getLeaf() instanceof ExpressionStatementTree statement)
          || !(statementPath.getParentPath().getLeaf() instanceof BlockTree block)) {
        continue;
      }
      TreePath blockPath = statementPath.getParentPath();
      MapTarget map = facts.mapTarget(MapKnowledge.receiver(call), event.site().path());
      if (!Guards.racy(facts, map, event.site())) {
        continue;
      }
      if (map.owner() == null) {
        continue; // `holders.get(i).m.clear()` or a reassigned alias: which object's map is unknown
      }
      List<StatementTree> refill = refill(facts, block, statement, blockPath, map);
      if (refill.isEmpty()) {
        continue;
      }
      String message =
          "Between `"
              + map.name()
              + ".clear()` and the refill, readers see an empty or partly filled map. "
              + Fixes.preferredFix(facts, Shape.CLEAR_THEN_REFILL, map);
      String recipe =
          "Build the new contents in a local map first, then install them at once: `"
              + map.name()
              + ".swap(fresh)` on a SnapshotMap, or one assignment to a volatile field.";
      FixPlan plan = Fixes.plan(facts, Shape.CLEAR_THEN_REFILL, map, statement, refill, recipe);
      FixPlan.Position at = facts.position(call);
      sink.accept(
          new Finding(
              name(),
              facts.fileName(),
              at.line(),
              at.column(),
              at.offset(),
              message,
              plan,
              // The statement, not the call: javac places a call's diagnostic at its '(' .
              statementPath));
    }
  }

  /**
   * The statements after {@code clear} in its block that put entries back: a {@code putAll}, a loop
   * of puts, a {@code forEach(map::put)}, or two or more single puts. One single put is not a
   * refill (a size-bounded memo cache clears, then caches the new value).
   */
  private static List<StatementTree> refill(
      ClassFacts facts, BlockTree block, StatementTree clear, TreePath blockPath, MapTarget map) {
    List<StatementTree> bulk = new ArrayList<>();
    List<StatementTree> singles = new ArrayList<>();
    boolean after = false;
    for (StatementTree statement : block.getStatements()) {
      if (statement == clear) {
        after = true;
        continue;
      }
      if (!after) {
        continue;
      }
      TreePath path = new TreePath(blockPath, statement);
      if (isSinglePut(facts, statement, path, map)) {
        singles.add(statement);
      } else if (refills(facts, statement, path, map)) {
        bulk.add(statement);
      }
    }
    if (!bulk.isEmpty()) {
      return bulk;
    }
    return singles.size() >= 2 ? singles : List.of();
  }

  private static boolean isSinglePut(
      ClassFacts facts, StatementTree statement, TreePath path, MapTarget map) {
    return statement instanceof ExpressionStatementTree expression
        && expression.getExpression() instanceof MethodInvocationTree call
        && MapKnowledge.PUTS.contains(MapKnowledge.methodName(call))
        && isNamedBy(facts, map, MapKnowledge.receiver(call), path);
  }

  private static boolean refills(
      ClassFacts facts, StatementTree statement, TreePath path, MapTarget map) {
    boolean isLoop =
        statement instanceof EnhancedForLoopTree
            || statement instanceof ForLoopTree
            || statement instanceof WhileLoopTree
            || statement instanceof DoWhileLoopTree;
    return Statements.contains(
        statement,
        node -> {
          if (node instanceof MethodInvocationTree call && MapKnowledge.receiver(call) != null) {
            String name = MapKnowledge.methodName(call);
            boolean intoMap = isNamedBy(facts, map, MapKnowledge.receiver(call), path);
            if (intoMap && name.equals("putAll")) {
              return true;
            }
            if (intoMap && isLoop && MapKnowledge.PUTS.contains(name)) {
              return true;
            }
            if (name.equals("forEach") || name.equals("forEachOrdered")) {
              return call.getArguments().size() == 1
                  && putsInto(facts, call.getArguments().get(0), path, map);
            }
          }
          return false;
        });
  }

  /** {@code map::put}, or a lambda that puts into the map. */
  private static boolean putsInto(
      ClassFacts facts, ExpressionTree action, TreePath path, MapTarget map) {
    ExpressionTree fn = MapKnowledge.skipParens(action);
    if (fn instanceof MemberReferenceTree reference) {
      return MapKnowledge.PUTS.contains(reference.getName().toString())
          && isNamedBy(facts, map, reference.getQualifierExpression(), path);
    }
    return Statements.contains(
        fn,
        (Tree node) ->
            node instanceof MethodInvocationTree call
                && MapKnowledge.PUTS.contains(MapKnowledge.methodName(call))
                && isNamedBy(facts, map, MapKnowledge.receiver(call), path));
  }

  /** Whether {@code receiver} names the cleared map: the same field of the same object. */
  private static boolean isNamedBy(
      ClassFacts facts, MapTarget map, ExpressionTree receiver, TreePath path) {
    return receiver != null && map.sameMap(facts.mapTarget(receiver, path));
  }
}
