package dev.clearguard.rules.facts;

import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Which lock a statement takes or releases, for {@link FactsScanner}: {@code Lock.lock()} ...
 * {@code unlock()} (also in a {@code finally}), {@code if (lock.tryLock())}, a read-write lock's
 * two halves, and the key of a {@code synchronized} monitor. The scanner keeps the held locks in
 * its scope; this class only answers what a tree does to them.
 */
final class LockTracker {
  private final ClassFacts facts;
  private final Set<Name> acquires;
  private final Name unlock;
  private final Name tryLock;
  private final Map<Element, Lock> lockOfVariable = new HashMap<>();

  LockTracker(ClassFacts facts, FactsScanner.Words words) {
    this.facts = facts;
    this.acquires = words.acquires();
    this.unlock = words.unlock();
    this.tryLock = words.tryLock();
  }

  /**
   * The locks held after {@code statement}, which ran holding {@code held}: one more after {@code
   * x.lock()}, one fewer after {@code x.unlock()} or a {@code try} whose {@code finally} unlocks
   * it; {@code held} itself when the statement changes nothing.
   */
  List<Lock> after(List<Lock> held, StatementTree statement, TreePath context) {
    Lock acquired = lockCall(statement, true, context);
    if (acquired != null) {
      return with(held, acquired);
    }
    Lock released = lockCall(statement, false, context);
    if (released != null) {
      return without(held, released);
    }
    if (statement instanceof TryTree attempt && attempt.getFinallyBlock() != null) {
      for (StatementTree cleanup : attempt.getFinallyBlock().getStatements()) {
        Lock unlocked = lockCall(cleanup, false, context);
        if (unlocked != null) {
          held = without(held, unlocked);
        }
      }
    }
    return held;
  }

  /** The lock {@code if (lock.tryLock()) { ... }} holds in its then-branch, or null. */
  Lock triedBy(IfTree tree, TreePath context) {
    ExpressionTree condition = MapKnowledge.skipParens(tree.getCondition());
    if (condition instanceof MethodInvocationTree call
        && tryLock.equals(MapKnowledge.methodNameOf(call))) {
      return lockOf(call, context);
    }
    return null;
  }

  /** The lock that {@code statement} acquires (or releases), if it is {@code x.lock()}. */
  private Lock lockCall(StatementTree statement, boolean acquire, TreePath context) {
    if (!(statement instanceof ExpressionStatementTree expression)
        || !(expression.getExpression() instanceof MethodInvocationTree call)) {
      return null;
    }
    Name name = MapKnowledge.methodNameOf(call);
    boolean matches = name != null && (acquire ? acquires.contains(name) : unlock.equals(name));
    return matches ? lockOf(call, context) : null;
  }

  /** The lock a {@code lock()/unlock()/tryLock()} call works on, or null if not a Lock. */
  private Lock lockOf(MethodInvocationTree call, TreePath context) {
    ExpressionTree receiver = MapKnowledge.receiver(call);
    if (receiver == null) {
      return null;
    }
    TypeMirror type = facts.type(receiver, context);
    if (!facts.knowledge().isLock(type)) {
      return null;
    }
    return lockFor(receiver, context, 0);
  }

  private Lock lockFor(ExpressionTree receiver, TreePath context, int depth) {
    ExpressionTree e = MapKnowledge.skipParens(receiver);
    // rw.readLock() / rw.writeLock(): the two halves of one ReadWriteLock share its key.
    if (e instanceof MethodInvocationTree half && half.getArguments().isEmpty()) {
      String name = MapKnowledge.methodName(half);
      ExpressionTree owner = MapKnowledge.receiver(half);
      if (owner != null && (name.equals("readLock") || name.equals("writeLock"))) {
        Object key = monitorKey(owner, context);
        return key == null
            ? null
            : new Lock(key, name.equals("readLock") ? Lock.Mode.READ : Lock.Mode.WRITE);
      }
      return null;
    }
    Element element = facts.element(e, context);
    if (element == null) {
      return null;
    }
    if (depth == 0 && lockOfVariable.containsKey(element)) {
      return lockOfVariable.get(element);
    }
    Lock resolved = variableLock(element, depth);
    if (depth == 0) {
      lockOfVariable.put(element, resolved);
    }
    return resolved;
  }

  private Lock variableLock(Element element, int depth) {
    // A field or local initialised with rw.readLock() is that half of rw.
    if (depth == 0) {
      ExpressionTree init = null;
      TreePath initContext = null;
      FieldFacts field = facts.fields.get(element);
      if (field != null && field.tree().getInitializer() != null) {
        init = field.tree().getInitializer();
        initContext = facts.trees().getPath(element);
      } else if (facts.localInitializers.containsKey(element)) {
        init = facts.localInitializers.get(element);
        initContext = facts.localDeclarations.get(element);
      }
      if (init != null
          && initContext != null
          && MapKnowledge.skipParens(init) instanceof MethodInvocationTree) {
        Lock half = lockFor(init, initContext, 1);
        if (half != null) {
          return half;
        }
      }
    }
    return new Lock(element, Lock.Mode.EXCLUSIVE);
  }

  /**
   * {@code readLock = rw.readLock();} in a constructor: the field is that half of {@code rw}. Uses
   * of the field before this assignment was seen were recorded under the field itself; {@link
   * SiteRewrites} maps them afterwards.
   */
  void noteLockHalf(FieldFacts field, ExpressionTree value, TreePath context) {
    if (facts.lockHalves.containsKey(field.element())
        || !facts.knowledge().isLock(field.element().asType())
        || !(MapKnowledge.skipParens(value) instanceof MethodInvocationTree)) {
      return;
    }
    Lock half = lockFor(value, context, 1);
    if (half != null) {
      facts.lockHalves.put(field.element(), half);
    }
  }

  /** The key of a monitor or lock object: {@code this}, a class literal, or a variable. */
  Object monitorKey(ExpressionTree expression, TreePath context) {
    ExpressionTree e = MapKnowledge.skipParens(expression);
    if (e instanceof IdentifierTree id && id.getName().contentEquals("this")) {
      return "this:" + typeName(facts.type(e, context));
    }
    if (e instanceof MemberSelectTree select && select.getIdentifier().contentEquals("class")) {
      return "class:" + typeName(facts.type(select.getExpression(), context));
    }
    if (e instanceof MemberSelectTree select && select.getIdentifier().contentEquals("this")) {
      return "this:" + typeName(facts.type(e, context));
    }
    Element element = facts.element(e, context);
    return element != null ? element : e.toString();
  }

  /** The monitor of a {@code synchronized} method of {@code owner}: its class or its instance. */
  static Lock methodMonitor(TypeElement owner, boolean isStatic) {
    return new Lock(
        (isStatic ? "class:" : "this:") + owner.getQualifiedName(), Lock.Mode.EXCLUSIVE);
  }

  private static String typeName(TypeMirror type) {
    return type instanceof DeclaredType declared
        ? ((TypeElement) declared.asElement()).getQualifiedName().toString()
        : String.valueOf(type);
  }

  static List<Lock> with(List<Lock> locks, Lock lock) {
    List<Lock> more = new ArrayList<>(locks.size() + 1);
    more.addAll(locks);
    more.add(lock);
    return List.copyOf(more);
  }

  static List<Lock> without(List<Lock> locks, Lock lock) {
    if (!locks.contains(lock)) {
      return locks;
    }
    List<Lock> fewer = new ArrayList<>(locks);
    fewer.remove(lock);
    return List.copyOf(fewer);
  }
}
