package dev.clearguard.rules.facts;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;

/**
 * Which expressions walk every entry of a shared map: views ({@code m.keySet()}), copies of them,
 * unfiltered streams, local variables holding either, and iterators over them. Shared knowledge of
 * the rules, so that no rule needs its own list.
 */
public final class Iteration {
  private Iteration() {}

  /** What a loop or call walks: a view of a shared map, maybe copied first. */
  public record Source(MapTarget map, String view, boolean copy) {}

  /**
   * What a loop or call iterates: {@code m.keySet()} and the other views, a copy of one ({@code new
   * ArrayList<>(m.keySet())}, {@code List.copyOf(..)}, a collected stream), or a local variable
   * holding either.
   */
  public static Source source(
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

  /** {@code map.entrySet().stream().map(Map.Entry::getKey)}: a stream of every key. */
  public static Source keysOfEntries(ClassFacts facts, ExpressionTree receiver, TreePath path) {
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
  public static boolean isGetKey(ExpressionTree function) {
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

  /** For {@code it.hasNext()} or {@code e.hasMoreElements()}, the local {@code it}; else null. */
  public static Element iteratorVariable(
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

  public static boolean isNext(
      ClassFacts facts, ExpressionTree expression, Element iterator, TreePath context) {
    return MapKnowledge.skipParens(expression) instanceof MethodInvocationTree call
        && call.getArguments().isEmpty()
        && (MapKnowledge.methodName(call).equals("next")
            || MapKnowledge.methodName(call).equals("nextElement"))
        && MapKnowledge.receiver(call) != null
        && iterator.equals(facts.element(MapKnowledge.receiver(call), context));
  }
}
