package dev.clearguard.rules;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import dev.clearguard.rules.FixPlan.Shape;
import dev.clearguard.rules.facts.ClassFacts;
import dev.clearguard.rules.facts.Iteration;
import dev.clearguard.rules.facts.MapKnowledge;
import dev.clearguard.rules.facts.MapTarget;
import dev.clearguard.rules.facts.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;

/**
 * The shapes of code that remove every entry of a map one at a time: loops over a view, a copy or
 * an iterator whose body unconditionally removes the current entry, and single bulk calls. Used by
 * {@link IterateRemoveClear}.
 */
final class Removals {
  private Removals() {}

  private static final Set<String> KEY_VIEWS =
      Set.of("keySet", "navigableKeySet", "descendingKeySet", "keys");
  private static final Set<String> FOR_EACH = Set.of("forEach", "forEachOrdered");

  /**
   * The map a loop or call empties, what it is, and what else the fix must remove (for a drain, the
   * view call and the removal statement).
   */
  record Match(MapTarget map, Shape shape, List<Tree> related, StatementTree removal) {
    Match(MapTarget map, Shape shape, List<Tree> related) {
      this(map, shape, related, null);
    }
  }

  // ---- for (K k : map.keySet()) map.remove(k); ----

  static Match forEachLoop(ClassFacts facts, EnhancedForLoopTree loop, Site site) {
    TreePath path = site.path();
    Iteration.Source source = Iteration.source(facts, loop.getExpression(), path, 0);
    if (source == null || Statements.canEscape(loop.getStatement())) {
      return null;
    }
    Element variable = facts.element(new TreePath(path, loop.getVariable()));
    if (variable == null) {
      return null;
    }
    Current current =
        expression -> Statements.names(expression, variable, e -> facts.element(e, path));
    Match match = removalLoop(facts, loop.getStatement(), path, source, current, null, List.of());
    if (match == null || match.shape() != Shape.DRAIN_LOOP) {
      return match;
    }
    // for a drain, where a fixer turns the view into m.drain().view() and deletes the removal
    ExpressionTree view = drainableView(loop.getExpression());
    return view == null
        ? match
        : new Match(match.map(), match.shape(), List.of(view, match.removal()), match.removal());
  }

  /**
   * Why a fixer cannot turn this drain into a loop over {@code m.drain()}, or null when it can: it
   * needs the view call and the removal javac found for a for-each loop, the removal a statement of
   * the loop's block, and no other statement of that block using the field (the loop then iterates
   * a detached copy, and a use of the map would see the emptied one).
   */
  static String drainRewriteProblem(Match match, Tree loop) {
    if (!(loop instanceof EnhancedForLoopTree forEach) || match.related().size() != 2) {
      return "only an enhanced for loop over a view of the map is rewritten to drain()";
    }
    if (!(forEach.getStatement() instanceof BlockTree body)
        || !body.getStatements().contains(match.removal())) {
      return "the removal is not a statement of the loop body";
    }
    if (match.map().field() == null) {
      return "the map is not a field of this class";
    }
    for (var access : match.map().field().accesses()) {
      for (Tree enclosing : access.site().path()) {
        if (enclosing == match.removal()) {
          break;
        }
        if (enclosing instanceof StatementTree statement
            && body.getStatements().contains(statement)) {
          return "the loop body uses the map for more than removing the entry";
        }
      }
    }
    return null;
  }

  /** Views a {@code drain()}ed copy has as well. */
  private static final Set<String> DRAINABLE_VIEWS = Set.of("keySet", "entrySet", "values");

  /**
   * The view call a for-each loop iterates, {@code m.keySet()}, maybe inside a copy of it ({@code
   * new ArrayList<>(m.keySet())}, {@code List.copyOf(m.keySet())}); null for anything else.
   */
  private static ExpressionTree drainableView(ExpressionTree iterable) {
    ExpressionTree e = MapKnowledge.skipParens(iterable);
    ExpressionTree copied = MapKnowledge.copiedFrom(e);
    if (copied != null
        && (e instanceof com.sun.source.tree.NewClassTree
            || (e instanceof MethodInvocationTree call
                && MapKnowledge.methodName(call).equals("copyOf")))) {
      e = MapKnowledge.skipParens(copied);
    }
    String view = MapKnowledge.viewName(e);
    return view != null && DRAINABLE_VIEWS.contains(view) ? e : null;
  }

  // ---- Iterator<K> it = map.keySet().iterator(); while (it.hasNext()) { ...; it.remove(); } ----

  static Match iteratorWhile(ClassFacts facts, WhileLoopTree loop, Site site) {
    TreePath path = site.path();
    Element iterator = Iteration.iteratorVariable(facts, loop.getCondition(), path);
    if (iterator == null) {
      return null;
    }
    TreePath declaration = facts.localDeclaration(iterator);
    ExpressionTree init = facts.localInitializer(iterator);
    if (declaration == null || init == null) {
      return null;
    }
    return iteratorLoop(
        facts,
        loop.getStatement(),
        path,
        iterator,
        init,
        declaration,
        List.of(declaration.getLeaf()));
  }

  // ---- for (Iterator<K> it = map.keySet().iterator(); it.hasNext(); ) { ... } ----

  static Match iteratorFor(ClassFacts facts, ForLoopTree loop, Site site) {
    TreePath path = site.path();
    if (!loop.getUpdate().isEmpty() || loop.getCondition() == null) {
      return null;
    }
    Element iterator = Iteration.iteratorVariable(facts, loop.getCondition(), path);
    if (iterator == null) {
      return null;
    }
    if (loop.getInitializer().isEmpty()) {
      // Iterator<K> it = ...; for (; it.hasNext(); ) { ... }: the while loop in other clothes.
      TreePath declaration = facts.localDeclaration(iterator);
      ExpressionTree init = facts.localInitializer(iterator);
      return declaration == null || init == null
          ? null
          : iteratorLoop(
              facts,
              loop.getStatement(),
              path,
              iterator,
              init,
              declaration,
              List.of(declaration.getLeaf()));
    }
    if (loop.getInitializer().size() != 1
        || !(loop.getInitializer().get(0) instanceof VariableTree declared)
        || declared.getInitializer() == null
        || !iterator.equals(facts.element(new TreePath(path, declared)))) {
      return null;
    }
    return iteratorLoop(
        facts, loop.getStatement(), path, iterator, declared.getInitializer(), path, List.of());
  }

  private static Match iteratorLoop(
      ClassFacts facts,
      StatementTree body,
      TreePath path,
      Element iterator,
      ExpressionTree init,
      TreePath initContext,
      List<Tree> related) {
    if (!(MapKnowledge.skipParens(init) instanceof MethodInvocationTree create)
        || !create.getArguments().isEmpty()
        || MapKnowledge.receiver(create) == null
        || Statements.canEscape(body)) {
      return null;
    }
    String creator = MapKnowledge.methodName(create);
    Iteration.Source source;
    if (creator.equals("iterator")) {
      source = Iteration.source(facts, MapKnowledge.receiver(create), initContext, 0);
    } else if (creator.equals("keys")) {
      MapTarget map = facts.mapTarget(MapKnowledge.receiver(create), initContext);
      source = map == null ? null : new Iteration.Source(map, "keys", false);
    } else {
      return null;
    }
    if (source == null) {
      return null;
    }
    Current current =
        expression -> {
          ExpressionTree e = MapKnowledge.skipParens(expression);
          if (Iteration.isNext(facts, e, iterator, path)) {
            return true;
          }
          if (!(e instanceof IdentifierTree)) {
            return false;
          }
          Element local = facts.element(e, path);
          ExpressionTree value = local == null ? null : facts.localInitializer(local);
          TreePath context = local == null ? null : facts.localDeclaration(local);
          return value != null
              && context != null
              && Iteration.isNext(facts, value, iterator, context);
        };
    return removalLoop(facts, body, path, source, current, iterator, related);
  }

  /** Whether an expression denotes the element the current pass is at. */
  private interface Current {
    boolean test(ExpressionTree expression);
  }

  /**
   * Matches a loop body that unconditionally removes the current entry from the iterated map (or
   * calls {@code iterator.remove()} on an iterator over the map itself).
   */
  private static Match removalLoop(
      ClassFacts facts,
      StatementTree body,
      TreePath path,
      Iteration.Source source,
      Current current,
      Element iterator,
      List<Tree> related) {
    List<StatementTree> statements = Statements.unconditional(body);
    StatementTree removal = null;
    for (StatementTree statement : statements) {
      MethodInvocationTree call = Statements.call(statement);
      if (call != null && removes(facts, call, path, source, current, iterator)) {
        removal = statement;
        break;
      }
    }
    if (removal == null) {
      return null;
    }
    boolean onlyRemoves = true;
    for (StatementTree statement : flatten(body)) {
      if (statement == removal || advancesOnly(facts, statement, iterator, path)) {
        continue;
      }
      onlyRemoves = false;
    }
    return new Match(
        source.map(), onlyRemoves ? Shape.CLEAR_LOOP : Shape.DRAIN_LOOP, related, removal);
  }

  private static List<StatementTree> flatten(StatementTree body) {
    if (body instanceof BlockTree block) {
      List<StatementTree> out = new ArrayList<>();
      block.getStatements().forEach(s -> out.addAll(flatten(s)));
      return out;
    }
    return List.of(body);
  }

  /** {@code it.next();} or {@code K k = it.next();}: statements a plain clear does not need. */
  private static boolean advancesOnly(
      ClassFacts facts, StatementTree statement, Element iterator, TreePath path) {
    if (iterator == null) {
      return false;
    }
    MethodInvocationTree call = Statements.call(statement);
    return call != null && Iteration.isNext(facts, call, iterator, path);
  }

  private static boolean removes(
      ClassFacts facts,
      MethodInvocationTree call,
      TreePath path,
      Iteration.Source source,
      Current current,
      Element iterator) {
    if (!MapKnowledge.methodName(call).equals("remove")) {
      return false;
    }
    ExpressionTree receiver = MapKnowledge.receiver(call);
    if (receiver == null) {
      return false;
    }
    if (call.getArguments().isEmpty()) {
      // it.remove() removes from what the iterator walks: the map only if it is not a copy.
      return iterator != null && !source.copy() && iterator.equals(facts.element(receiver, path));
    }
    if (call.getArguments().size() != 1 || !sameMap(facts, receiver, path, source.map())) {
      return false;
    }
    return isKeyOfCurrent(call.getArguments().get(0), source.view(), current);
  }

  /** {@code m} itself or its key set: both remove by key. */
  private static boolean sameMap(
      ClassFacts facts, ExpressionTree receiver, TreePath path, MapTarget map) {
    ExpressionTree viewed = MapKnowledge.viewedMap(receiver);
    ExpressionTree target = viewed != null ? viewed : receiver;
    return map.sameMap(facts.mapTarget(target, path));
  }

  private static boolean isKeyOfCurrent(ExpressionTree argument, String view, Current current) {
    ExpressionTree arg = MapKnowledge.skipParens(argument);
    if (KEY_VIEWS.contains(view)) {
      return current.test(arg);
    }
    if (view.equals("entrySet")) {
      return arg instanceof MethodInvocationTree getKey
          && MapKnowledge.methodName(getKey).equals("getKey")
          && getKey.getArguments().isEmpty()
          && MapKnowledge.receiver(getKey) != null
          && current.test(MapKnowledge.receiver(getKey));
    }
    // values(): the key can only come from the value, e.g. map.remove(session.id()).
    return Statements.contains(arg, node -> node instanceof ExpressionTree e && current.test(e));
  }

  // ---- one call: removeIf(x -> true), forEach(map::remove), retainAll(emptySet()) ----

  static Match bulkCall(ClassFacts facts, MethodInvocationTree call, Site site) {
    TreePath path = site.path();
    String name = MapKnowledge.methodName(call);
    ExpressionTree receiver = MapKnowledge.receiver(call);
    if (receiver == null || call.getArguments().size() != 1) {
      return null;
    }
    ExpressionTree argument = call.getArguments().get(0);
    if (FOR_EACH.contains(name)) {
      return forEachCall(facts, receiver, argument, path);
    }
    ExpressionTree viewed = MapKnowledge.viewedMap(receiver);
    MapTarget map = viewed == null ? null : facts.mapTarget(viewed, path);
    if (map == null) {
      return null;
    }
    boolean clears =
        switch (name) {
          case "removeIf" -> MapKnowledge.isAlwaysTrue(argument);
          case "retainAll" -> MapKnowledge.isEmptyCollection(argument);
          case "removeAll" -> {
            Iteration.Source removed = Iteration.source(facts, argument, path, 0);
            yield removed != null
                && removed.map().sameMap(map)
                && removed.view().equals(MapKnowledge.viewName(receiver));
          }
          default -> false;
        };
    return clears ? new Match(map, Shape.CLEAR_CALL, List.of()) : null;
  }

  private static Match forEachCall(
      ClassFacts facts, ExpressionTree receiver, ExpressionTree action, TreePath path) {
    // map.forEach((k, v) -> map.remove(k))
    MapTarget self = facts.mapTarget(receiver, path);
    if (self != null) {
      if (action instanceof LambdaExpressionTree lambda && lambda.getParameters().size() == 2) {
        Element key = facts.element(new TreePath(path, lambda.getParameters().get(0)));
        Iteration.Source source = new Iteration.Source(self, "keySet", false);
        Current current = e -> Statements.names(e, key, x -> facts.element(x, path));
        return lambdaRemoves(facts, lambda, path, source, current)
            ? new Match(self, Shape.CLEAR_CALL, List.of())
            : null;
      }
      return null;
    }
    // map.keySet().forEach(map::remove), copies and unfiltered streams of it
    Iteration.Source source = Iteration.keysOfEntries(facts, receiver, path);
    if (source == null) {
      source = Iteration.source(facts, MapKnowledge.streamSource(receiver, false), path, 0);
    }
    if (source == null) {
      return null;
    }
    ExpressionTree fn = MapKnowledge.skipParens(action);
    if (fn instanceof MemberReferenceTree reference) {
      boolean removesKey =
          reference.getName().contentEquals("remove")
              && KEY_VIEWS.contains(source.view())
              && sameMap(facts, reference.getQualifierExpression(), path, source.map());
      return removesKey ? new Match(source.map(), Shape.CLEAR_CALL, List.of()) : null;
    }
    if (fn instanceof LambdaExpressionTree lambda && lambda.getParameters().size() == 1) {
      Element element = facts.element(new TreePath(path, lambda.getParameters().get(0)));
      Current current = e -> Statements.names(e, element, x -> facts.element(x, path));
      return lambdaRemoves(facts, lambda, path, source, current)
          ? new Match(source.map(), Shape.CLEAR_CALL, List.of())
          : null;
    }
    return null;
  }

  private static boolean lambdaRemoves(
      ClassFacts facts,
      LambdaExpressionTree lambda,
      TreePath path,
      Iteration.Source source,
      Current current) {
    Tree body = lambda.getBody();
    List<StatementTree> statements;
    if (body instanceof StatementTree block) {
      if (Statements.canEscape(block)) {
        return false;
      }
      statements = Statements.unconditional(block);
    } else if (body instanceof MethodInvocationTree call) {
      return removes(facts, call, path, source, current, null);
    } else {
      return false;
    }
    for (StatementTree statement : statements) {
      MethodInvocationTree call = Statements.call(statement);
      if (call != null && removes(facts, call, path, source, current, null)) {
        return true;
      }
    }
    return false;
  }
}
