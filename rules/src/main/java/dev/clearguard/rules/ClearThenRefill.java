package dev.clearguard.rules;

import com.google.auto.service.AutoService;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import dev.clearguard.rules.FixPlan.Shape;
import dev.clearguard.rules.facts.Access;
import dev.clearguard.rules.facts.ClassFacts;
import dev.clearguard.rules.facts.ClassFacts.Event;
import dev.clearguard.rules.facts.FieldFacts;
import dev.clearguard.rules.facts.MapKnowledge;
import dev.clearguard.rules.facts.MapTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.lang.model.element.ExecutableElement;

/** Flags {@code clear()} on a shared concurrent map followed by a refill of the same map. */
@AutoService(Rule.class)
public final class ClearThenRefill implements Rule {
  /** The one-line summary (the Error Prone check's {@code @BugPattern} copies it). */
  public static final String SUMMARY =
      "Install a map's new contents in one atomic step instead of clearing and refilling it";

  /** Error: every reader between the clear and the refill sees an empty or partial map. */
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
    return Set.of(FixPlan.Strategy.SNAPSHOT_MAP, FixPlan.Strategy.VOLATILE_PUBLISH);
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
      if (!(statementPath.getLeaf() instanceof ExpressionStatementTree statement)) {
        continue;
      }
      // The clear() is a statement of a block, or the whole body of an if or else branch
      // (`if (full) m.clear();`), which reads as the same code with braces.
      Tree holder = statementPath.getParentPath().getLeaf();
      BlockTree block = holder instanceof BlockTree b ? b : null;
      if (block == null && !(holder instanceof IfTree)) {
        continue;
      }
      TreePath blockPath = block != null ? statementPath.getParentPath() : null;
      MapTarget map = facts.mapTarget(MapKnowledge.receiver(call), event.site().path());
      if (!Guards.racy(facts, map, event.site())) {
        continue;
      }
      if (map.owner() == null) {
        continue; // `holders.get(i).m.clear()` or a reassigned alias: which object's map is unknown
      }
      List<StatementTree> refill =
          block != null
              ? refill(facts, block, statement, blockPath, map)
              : refillAfter(facts, statementPath, map);
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
      // The fixer rewrites the refill it is shown into filling a local map. It is shown only the
      // shapes it can rewrite whole: statements next to the clear() that put into the map
      // themselves; a refill through a helper or in a nested block is left to the author.
      List<StatementTree> rewritable =
          block != null
                  && refill.stream()
                      .allMatch(
                          r ->
                              !(r instanceof TryTree)
                                  && !(r instanceof IfTree)
                                  && !(r instanceof BlockTree)
                                  && !(r instanceof SynchronizedTree)
                                  && block.getStatements().contains(r)
                                  && refills(facts, r, new TreePath(blockPath, r), map, false))
              ? refill
              : List.of();
      FixPlan plan = Fixes.plan(facts, Shape.CLEAR_THEN_REFILL, map, statement, rewritable, recipe);
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
                  statementPath)
              .when(Guards.stillRacy(map, event.site())));
    }
  }

  /**
   * The statements after {@code clear} in its block that put entries back: a {@code putAll}, a loop
   * of puts, a {@code forEach(map::put)}, a call of one of the class's methods that puts into the
   * map, or two or more single puts; the refill may sit in a nested block ({@code try}, {@code if})
   * after the {@code clear}. One single put is not a refill (a size-bounded memo cache clears, then
   * caches the new value). When the {@code clear} itself sits in a nested block, the statements
   * after that block, on the same path, count too; a refill in another branch does not.
   */
  private static List<StatementTree> refill(
      ClassFacts facts, BlockTree block, StatementTree clear, TreePath blockPath, MapTarget map) {
    List<StatementTree> found = refillIn(facts, block, clear, blockPath, map, true);
    return found.isEmpty() ? refillAfter(facts, blockPath, map) : found;
  }

  /**
   * The refill after the statement that holds {@code statementPath} (a block, or the clear() itself
   * as an if's branch), climbing out of enclosing {@code try} blocks, {@code if}s, {@code
   * synchronized} blocks and labels.
   */
  private static List<StatementTree> refillAfter(
      ClassFacts facts, TreePath statementPath, MapTarget map) {
    List<StatementTree> found = List.of();
    for (int depth = 0; found.isEmpty() && depth < 4; depth++) {
      // Up one level: the statement holding this block, and the block holding that statement.
      Tree holder = statementPath.getParentPath().getLeaf();
      TreePath holderPath = statementPath.getParentPath();
      if (holder instanceof BlockTree) {
        holder = statementPath.getLeaf();
        holderPath = statementPath;
      } else if (!(holder instanceof TryTree
          || holder instanceof IfTree
          || holder instanceof SynchronizedTree
          || holder instanceof LabeledStatementTree)) {
        break;
      }
      if (holder instanceof TryTree attempt && attempt.getBlock() != statementPath.getLeaf()) {
        break; // a clear in a catch or finally block is not on the refill's path
      }
      TreePath outerPath = holderPath.getParentPath();
      if (!(outerPath.getLeaf() instanceof BlockTree outer)) {
        break;
      }
      found = refillIn(facts, outer, (StatementTree) holderPath.getLeaf(), outerPath, map, false);
      statementPath = outerPath;
    }
    return found;
  }

  private static List<StatementTree> refillIn(
      ClassFacts facts,
      BlockTree block,
      StatementTree clear,
      TreePath blockPath,
      MapTarget map,
      boolean singlesCount) {
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
      } else if (refills(facts, statement, path, map, true)) {
        bulk.add(statement);
      }
    }
    if (!bulk.isEmpty()) {
      return bulk;
    }
    return singlesCount && singles.size() >= 2 ? singles : List.of();
  }

  private static boolean isSinglePut(
      ClassFacts facts, StatementTree statement, TreePath path, MapTarget map) {
    return statement instanceof ExpressionStatementTree expression
        && expression.getExpression() instanceof MethodInvocationTree call
        && MapKnowledge.PUTS.contains(MapKnowledge.methodName(call))
        && isNamedBy(facts, map, MapKnowledge.receiver(call), path);
  }

  private static boolean refills(
      ClassFacts facts, StatementTree statement, TreePath path, MapTarget map, boolean helpers) {
    boolean[] found = {false};
    new TreeScanner<Void, Integer>() {
      @Override
      public Void scan(Tree node, Integer loops) {
        if (found[0] || node == null) {
          return null;
        }
        boolean isLoop =
            node instanceof EnhancedForLoopTree
                || node instanceof ForLoopTree
                || node instanceof WhileLoopTree
                || node instanceof DoWhileLoopTree;
        if (node instanceof MethodInvocationTree call
            && refillsBy(facts, call, loops > 0, path, map, helpers)) {
          found[0] = true;
          return null;
        }
        return super.scan(node, isLoop ? loops + 1 : loops);
      }

      @Override
      public Void visitClass(ClassTree node, Integer loops) {
        return null;
      }
    }.scan(statement, 0);
    return found[0];
  }

  /** Whether the call puts the map's entries back: see {@link #refill}. */
  private static boolean refillsBy(
      ClassFacts facts,
      MethodInvocationTree call,
      boolean inLoop,
      TreePath path,
      MapTarget map,
      boolean helpers) {
    String name = MapKnowledge.methodName(call);
    ExpressionTree receiver = MapKnowledge.receiver(call);
    if (receiver != null) {
      boolean intoMap = isNamedBy(facts, map, receiver, path);
      if (intoMap && name.equals("putAll")) {
        return true;
      }
      if (intoMap && inLoop && MapKnowledge.PUTS.contains(name)) {
        return true;
      }
      if (name.equals("forEach") || name.equals("forEachOrdered")) {
        return call.getArguments().size() == 1
            && putsInto(facts, call.getArguments().get(0), path, map);
      }
    }
    if (helpers && (receiver == null || isThis(receiver))) {
      return helperRefills(facts, call, inLoop, path, map);
    }
    return false;
  }

  private static boolean isThis(ExpressionTree receiver) {
    return MapKnowledge.skipParens(receiver) instanceof IdentifierTree id
        && id.getName().contentEquals("this");
  }

  /**
   * {@code save(rule)} in a loop, or {@code loadAll()}: a method of the class that puts into the
   * cleared field, called in a loop or itself putting in a loop or with {@code putAll}.
   */
  private static boolean helperRefills(
      ClassFacts facts, MethodInvocationTree call, boolean inLoop, TreePath path, MapTarget map) {
    FieldFacts field = map.field();
    if (field == null || !MapTarget.OWN.equals(map.owner())) {
      return false;
    }
    if (!(facts.element(call.getMethodSelect(), path) instanceof ExecutableElement helper)) {
      return false;
    }
    for (Access access : field.accesses()) {
      if (access.kind() != Access.Kind.MUTATE
          || !access.onThis()
          || !helper.equals(access.site().method())) {
        continue;
      }
      String mutation = mutationName(access.site().path());
      if (mutation.equals("putAll")
          || (MapKnowledge.PUTS.contains(mutation) && (inLoop || inLoop(access.site().path())))) {
        return true;
      }
    }
    return false;
  }

  /** The name of the map method a mutating field use calls: {@code put} in {@code m.put(..)}. */
  private static String mutationName(TreePath fieldUse) {
    Tree parent = fieldUse.getParentPath().getLeaf();
    return parent instanceof MemberSelectTree select ? select.getIdentifier().toString() : "";
  }

  /** Whether a loop of its method encloses the tree at {@code path}. */
  private static boolean inLoop(TreePath path) {
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof EnhancedForLoopTree
          || leaf instanceof ForLoopTree
          || leaf instanceof WhileLoopTree
          || leaf instanceof DoWhileLoopTree) {
        return true;
      }
      if (leaf instanceof MethodTree
          || leaf instanceof ClassTree
          || leaf instanceof LambdaExpressionTree) {
        return false;
      }
    }
    return false;
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
