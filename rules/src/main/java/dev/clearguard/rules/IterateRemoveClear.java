package dev.clearguard.rules;

import com.google.auto.service.AutoService;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
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
import dev.clearguard.rules.facts.ClassFacts.Event;
import dev.clearguard.rules.facts.MapKnowledge;
import dev.clearguard.rules.facts.MapTarget;
import dev.clearguard.rules.facts.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;

/** Flags code that empties a shared concurrent map by removing its entries one at a time. */
@AutoService(Rule.class)
public final class IterateRemoveClear implements Rule {
  /**
   * The one-line summary, a constant so annotations (Error Prone\'s {@code @BugPattern}) can use
   * it.
   */
  public static final String SUMMARY =
      "Clear a shared concurrent map in one call instead of removing its entries one by one";

  private static final Set<String> KEY_VIEWS =
      Set.of("keySet", "navigableKeySet", "descendingKeySet", "keys");
  private static final Set<String> FOR_EACH = Set.of("forEach", "forEachOrdered");

  @Override
  public String summary() {
    return SUMMARY;
  }

  @Override
  public void check(ClassFacts facts, Consumer<Finding> sink) {
    for (Event<StatementTree> loop : facts.loops()) {
      Tree tree = loop.tree();
      Match match =
          tree instanceof EnhancedForLoopTree forEach
              ? forEachLoop(facts, forEach, loop.site())
              : tree instanceof WhileLoopTree whileLoop
                  ? iteratorWhile(facts, whileLoop, loop.site())
                  : tree instanceof ForLoopTree forLoop
                      ? iteratorFor(facts, forLoop, loop.site())
                      : null;
      report(facts, match, loop.site(), tree, sink);
    }
    for (Event<MethodInvocationTree> call : facts.calls()) {
      Match match = bulkCall(facts, call.tree(), call.site());
      Tree parent = call.site().path().getParentPath().getLeaf();
      Tree statement = parent instanceof ExpressionStatementTree ? parent : call.tree();
      report(facts, match, call.site(), statement, sink);
    }
  }

  /** The map a loop or call empties, what it is, and what else the fix must remove. */
  private record Match(MapTarget map, Shape shape, List<Tree> related) {}

  /** What a loop iterates: a view of a shared map, maybe copied first. */
  private record Source(MapTarget map, String view, boolean copy) {}

  private void report(
      ClassFacts facts, Match match, Site site, Tree reported, Consumer<Finding> sink) {
    if (match == null || !Guards.racy(facts, match.map(), site)) {
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
    FixPlan plan = Fixes.plan(facts, match.shape(), map, reported, match.related(), recipe);
    TreePath path = reported == site.path().getLeaf() ? site.path() : site.path().getParentPath();
    FixPlan.Position at = facts.position(reported);
    sink.accept(
        new Finding(
            name(), facts.fileName(), at.line(), at.column(), at.offset(), message, plan, path));
  }

  // ---- for (K k : map.keySet()) map.remove(k); ----

  private static Match forEachLoop(ClassFacts facts, EnhancedForLoopTree loop, Site site) {
    TreePath path = site.path();
    Source source = source(facts, loop.getExpression(), path, 0);
    if (source == null || Statements.canEscape(loop.getStatement())) {
      return null;
    }
    Element variable = facts.element(new TreePath(path, loop.getVariable()));
    if (variable == null) {
      return null;
    }
    Current current =
        expression -> Statements.names(expression, variable, e -> facts.element(e, path));
    return removalLoop(facts, loop.getStatement(), path, source, current, null, List.of());
  }

  // ---- Iterator<K> it = map.keySet().iterator(); while (it.hasNext()) { ...; it.remove(); } ----

  private static Match iteratorWhile(ClassFacts facts, WhileLoopTree loop, Site site) {
    TreePath path = site.path();
    Element iterator = iteratorVariable(facts, loop.getCondition(), path);
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

  private static Match iteratorFor(ClassFacts facts, ForLoopTree loop, Site site) {
    TreePath path = site.path();
    if (!loop.getUpdate().isEmpty() || loop.getCondition() == null) {
      return null;
    }
    Element iterator = iteratorVariable(facts, loop.getCondition(), path);
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

  /** For {@code it.hasNext()} or {@code e.hasMoreElements()}, the local {@code it}; else null. */
  private static Element iteratorVariable(
      ClassFacts facts, ExpressionTree condition, TreePath path) {
    if (!(MapKnowledge.skipParens(condition) instanceof MethodInvocationTree call)
        || !call.getArguments().isEmpty()) {
      return null;
    }
    String name = MapKnowledge.methodName(call);
    ExpressionTree receiver = MapKnowledge.receiver(call);
    if (receiver == null || !(name.equals("hasNext") || name.equals("hasMoreElements"))) {
      return null;
    }
    Element element = facts.element(receiver, path);
    return element != null && element.getKind() == ElementKind.LOCAL_VARIABLE ? element : null;
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
    Source source;
    if (creator.equals("iterator")) {
      source = source(facts, MapKnowledge.receiver(create), initContext, 0);
    } else if (creator.equals("keys")) {
      MapTarget map = facts.mapTarget(MapKnowledge.receiver(create), initContext);
      source = map == null ? null : new Source(map, "keys", false);
    } else {
      return null;
    }
    if (source == null) {
      return null;
    }
    Current current =
        expression -> {
          ExpressionTree e = MapKnowledge.skipParens(expression);
          if (isNext(facts, e, iterator, path)) {
            return true;
          }
          if (!(e instanceof IdentifierTree)) {
            return false;
          }
          Element local = facts.element(e, path);
          ExpressionTree value = local == null ? null : facts.localInitializer(local);
          TreePath context = local == null ? null : facts.localDeclaration(local);
          return value != null && context != null && isNext(facts, value, iterator, context);
        };
    return removalLoop(facts, body, path, source, current, iterator, related);
  }

  private static boolean isNext(
      ClassFacts facts, ExpressionTree expression, Element iterator, TreePath context) {
    return MapKnowledge.skipParens(expression) instanceof MethodInvocationTree call
        && call.getArguments().isEmpty()
        && (MapKnowledge.methodName(call).equals("next")
            || MapKnowledge.methodName(call).equals("nextElement"))
        && MapKnowledge.receiver(call) != null
        && iterator.equals(facts.element(MapKnowledge.receiver(call), context));
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
      Source source,
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
    return new Match(source.map(), onlyRemoves ? Shape.CLEAR_LOOP : Shape.DRAIN_LOOP, related);
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
    return call != null && isNext(facts, call, iterator, path);
  }

  private static boolean removes(
      ClassFacts facts,
      MethodInvocationTree call,
      TreePath path,
      Source source,
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
    return isKeyOfCurrent(facts, call.getArguments().get(0), path, source.view(), current);
  }

  /** {@code m} itself or its key set: both remove by key. */
  private static boolean sameMap(
      ClassFacts facts, ExpressionTree receiver, TreePath path, MapTarget map) {
    ExpressionTree viewed = MapKnowledge.viewedMap(receiver);
    ExpressionTree target = viewed != null ? viewed : receiver;
    return map.sameMap(facts.mapTarget(target, path));
  }

  private static boolean isKeyOfCurrent(
      ClassFacts facts, ExpressionTree argument, TreePath path, String view, Current current) {
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

  /**
   * What a loop or call iterates: {@code m.keySet()} and the other views, a copy of one ({@code new
   * ArrayList<>(m.keySet())}, {@code List.copyOf(..)}, a collected stream), or a local variable
   * holding either.
   */
  private static Source source(
      ClassFacts facts, ExpressionTree expression, TreePath context, int depth) {
    ExpressionTree e = MapKnowledge.skipParens(expression);
    if (e instanceof IdentifierTree && depth < 2) {
      Element local = facts.element(e, context);
      if (local != null && local.getKind() == ElementKind.LOCAL_VARIABLE) {
        ExpressionTree init = facts.localInitializer(local);
        TreePath declaration = facts.localDeclaration(local);
        return init == null || declaration == null
            ? null
            : source(facts, init, declaration, depth + 1);
      }
    }
    boolean copy = false;
    ExpressionTree copied = MapKnowledge.copiedFrom(e);
    if (copied != null) {
      if (MapKnowledge.skipParens(copied) instanceof IdentifierTree && depth < 2) {
        Source inner = source(facts, copied, context, depth + 1);
        return inner == null ? null : new Source(inner.map(), inner.view(), true);
      }
      e = MapKnowledge.skipParens(copied);
      copy = true;
    }
    String view = MapKnowledge.viewName(e);
    if (view == null) {
      return null;
    }
    MapTarget map = facts.mapTarget(MapKnowledge.viewedMap(e), context);
    return map == null ? null : new Source(map, view, copy);
  }

  // ---- one call: removeIf(x -> true), forEach(map::remove), retainAll(emptySet()) ----

  private static Match bulkCall(ClassFacts facts, MethodInvocationTree call, Site site) {
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
            Source removed = source(facts, argument, path, 0);
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
        Source source = new Source(self, "keySet", false);
        Current current = e -> Statements.names(e, key, x -> facts.element(x, path));
        return lambdaRemoves(facts, lambda, path, source, current)
            ? new Match(self, Shape.CLEAR_CALL, List.of())
            : null;
      }
      return null;
    }
    // map.keySet().forEach(map::remove), copies and unfiltered streams of it
    Source source = keysOfEntries(facts, receiver, path);
    if (source == null) {
      source = source(facts, MapKnowledge.streamSource(receiver, false), path, 0);
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

  /** {@code map.entrySet().stream().map(Map.Entry::getKey)}: a stream of every key. */
  private static Source keysOfEntries(ClassFacts facts, ExpressionTree receiver, TreePath path) {
    ExpressionTree keys = MapKnowledge.skipParens(receiver);
    if (keys instanceof MethodInvocationTree collected
        && Set.of("toList", "collect").contains(MapKnowledge.methodName(collected))
        && MapKnowledge.receiver(collected) != null) {
      keys = MapKnowledge.receiver(collected); // collected into a list first: still every key
    }
    keys = MapKnowledge.streamSource(keys, false);
    if (!(keys instanceof MethodInvocationTree mapped)
        || !MapKnowledge.methodName(mapped).equals("map")
        || mapped.getArguments().size() != 1
        || MapKnowledge.receiver(mapped) == null
        || !isGetKey(mapped.getArguments().get(0))) {
      return null;
    }
    ExpressionTree streamed = MapKnowledge.streamSource(MapKnowledge.receiver(mapped), true);
    Source entries = streamed == null ? null : source(facts, streamed, path, 0);
    return entries != null && entries.view().equals("entrySet")
        ? new Source(entries.map(), "keySet", entries.copy())
        : null;
  }

  /** {@code Map.Entry::getKey} or {@code e -> e.getKey()}. */
  private static boolean isGetKey(ExpressionTree function) {
    ExpressionTree fn = MapKnowledge.skipParens(function);
    if (fn instanceof MemberReferenceTree reference) {
      return reference.getName().contentEquals("getKey");
    }
    return fn instanceof LambdaExpressionTree lambda
        && lambda.getParameters().size() == 1
        && lambda.getBody() instanceof MethodInvocationTree call
        && MapKnowledge.methodName(call).equals("getKey")
        && call.getArguments().isEmpty()
        && MapKnowledge.receiver(call) instanceof IdentifierTree id
        && id.getName().contentEquals(lambda.getParameters().get(0).getName());
  }

  private static boolean lambdaRemoves(
      ClassFacts facts,
      LambdaExpressionTree lambda,
      TreePath path,
      Source source,
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
