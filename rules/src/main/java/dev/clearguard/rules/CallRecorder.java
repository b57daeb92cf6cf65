package dev.clearguard.rules;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.clearguard.rules.facts.Program;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;

/**
 * The calls {@link OutlineWalk} meets, recorded into the compilation's {@link Program}: what each
 * resolves to, from which code, under which locks, and whether it is made on an object the code has
 * just made and not shared yet (then it sets that object up; it cannot run while it is shared).
 * Those objects are kept by the local variable (or own field) holding them, for the method being
 * walked; {@link #forget} when another begins.
 */
final class CallRecorder {
  private final TreePath unitPath;
  private final Trees trees;
  private final Program program;
  private final Name thisName;
  private final Name superName;

  /** Local variables holding objects this code made and has not shared, by name; null if none. */
  private Map<Name, Fresh> fresh;

  /**
   * Whether {@link #fresh} may hold one of the object's own fields (set when one is added): most
   * methods have none, and then nothing a call is passed, or a loop, can end a field's freshness.
   */
  private boolean freshField;

  CallRecorder(TreePath unitPath, Trees trees, Program program, Name thisName, Name superName) {
    this.unitPath = unitPath;
    this.trees = trees;
    this.program = program;
    this.thisName = thisName;
    this.superName = superName;
  }

  /** Nothing is fresh: a new method, or a member of a class, begins. */
  void forget() {
    fresh = null;
    freshField = false;
  }

  /** What is fresh now, to {@link #restore} after a nested class's code (null if nothing). */
  Map<Name, Fresh> locals() {
    return fresh;
  }

  /** Whether what is fresh now may hold one of the object's fields, to {@link #restore}. */
  boolean mayHoldField() {
    return freshField;
  }

  void restore(Map<Name, Fresh> locals, boolean mayHoldField) {
    fresh = locals;
    freshField = mayHoldField;
  }

  /** Whether the variable {@code name} holds a fresh object. */
  boolean holds(Name name) {
    return fresh != null && fresh.containsKey(name);
  }

  /** {@code new X(..)}, an anonymous subclass's too: an object nobody else holds yet. */
  static boolean isNew(Tree value) {
    Tree e = value;
    while (e instanceof ParenthesizedTree parens) {
      e = parens.getExpression();
    }
    return e instanceof NewClassTree;
  }

  /** A local variable this method filled with {@code new}: {@code X x = new X(); ...; return x;} */
  boolean isFreshLocal(Tree value) {
    Fresh known = receiver(value);
    return known != null && known.factory() == null;
  }

  /**
   * A field holding an object this method made stops being fresh once other code can reach the
   * object through something other than this straight-line code: the field is published by its
   * assignment, so a loop may run the calls on it after another thread got it, and a lambda, an
   * anonymous class or a method reference may use it at any time.
   */
  void endFieldFreshness() {
    if (fresh != null && freshField) {
      fresh.values().removeIf(f -> f.local() != null && f.local().getKind() == ElementKind.FIELD);
    }
  }

  /** A fresh field passed to a call or a constructor is handed to other code: no longer fresh. */
  void escape(List<? extends ExpressionTree> arguments) {
    if (fresh == null || program == null || !freshField) {
      return; // only fields stop being fresh when passed on
    }
    for (ExpressionTree argument : arguments) {
      Fresh known = receiver(argument);
      if (known != null && known.local() != null && known.local().getKind() == ElementKind.FIELD) {
        fresh.values().remove(known);
      }
    }
  }

  /**
   * A local variable holding an object this code made: with {@code new} ({@code factory} null), or
   * from a method of the compilation that may return a new object each time ({@code factory}),
   * which the program checks once it has seen that method.
   */
  record Fresh(Element local, ExecutableElement factory) {}

  /** {@code X x = new X();}: {@code x} is fresh. */
  void declare(VariableTree variable) {
    Fresh value = freshValue(null, variable.getInitializer());
    if (value == null) {
      return;
    }
    Element local = trees.getElement(new TreePath(unitPath, variable));
    if (local != null && local.getKind() == ElementKind.LOCAL_VARIABLE) {
      if (fresh == null) {
        fresh = new java.util.HashMap<>();
      }
      fresh.put(variable.getName(), new Fresh(local, value.factory()));
    }
  }

  /**
   * {@code x = new X()} makes {@code x} fresh for the rest of the method; any other value makes it
   * not fresh. {@code x} is a local variable or one of the object's own fields ({@code this.server
   * = new Server(); server.configure(..)}): either way the calls that follow set up an object this
   * code has just made.
   */
  void assign(Tree variable, Name name, Tree value) {
    Fresh created = freshValue(null, value);
    if (created == null && (fresh == null || !fresh.containsKey(name))) {
      return;
    }
    Element local = trees.getElement(new TreePath(unitPath, variable));
    if (local == null
        || !(local.getKind() == ElementKind.LOCAL_VARIABLE
            || (local.getKind() == ElementKind.FIELD
                && !local.getModifiers().contains(Modifier.STATIC)))) {
      return;
    }
    if (created == null) {
      fresh.remove(name);
      return;
    }
    if (fresh == null) {
      fresh = new java.util.HashMap<>();
    }
    freshField |= local.getKind() == ElementKind.FIELD;
    fresh.put(name, new Fresh(local, created.factory()));
  }

  /** What a value makes of the variable it is stored in: fresh, fresh if a factory is, or null. */
  private Fresh freshValue(Element local, Tree value) {
    Tree e = value;
    while (e instanceof ParenthesizedTree || e instanceof TypeCastTree) {
      e =
          e instanceof ParenthesizedTree parens
              ? parens.getExpression()
              : ((TypeCastTree) e).getExpression();
    }
    if (isNew(e)) {
      return new Fresh(local, null);
    }
    if (e instanceof MethodInvocationTree call
        && trees.getElement(new TreePath(unitPath, call.getMethodSelect()))
            instanceof ExecutableElement factory
        && program.records(factory)) {
      return new Fresh(local, factory);
    }
    return null;
  }

  /** The fresh object a call is made on: {@code new X().call()}, or a fresh local's. */
  Fresh receiver(Tree receiver) {
    Tree e = receiver;
    while (e instanceof ParenthesizedTree parens) {
      e = parens.getExpression();
    }
    if (isNew(e)) {
      return new Fresh(null, null);
    }
    if (fresh == null) {
      return null;
    }
    if (e instanceof IdentifierTree id) {
      Fresh known = fresh.get(id.getName());
      if (known == null) {
        return null;
      }
      Element element = trees.getElement(new TreePath(unitPath, id));
      return element != null && element.equals(known.local()) ? known : null;
    }
    if (e instanceof MemberSelectTree select
        && OutlineWalk.isThis(select.getExpression(), thisName)) {
      Fresh known = fresh.get(select.getIdentifier());
      if (known == null) {
        return null;
      }
      Element element = trees.getElement(new TreePath(unitPath, select));
      return element != null && element.equals(known.local()) ? known : null;
    }
    return null;
  }

  /**
   * {@code super}, {@code Outer.super} or {@code Interface.super}: the call runs exactly the named
   * method, never an override of it.
   */
  private boolean isSuper(ExpressionTree receiver) {
    return (receiver instanceof IdentifierTree id && id.getName().equals(superName))
        || (receiver instanceof MemberSelectTree select
            && select.getIdentifier().equals(superName));
  }

  /**
   * Records the call that {@code methodName} (a call's name, or a method reference) resolves to,
   * made on {@code qualifier} (null for an unqualified call) in {@code method} or {@code setUp}
   * code, {@code detached} or not, holding {@code locks}, in the code of {@code type}: a call on
   * the running object ({@code m()}, {@code this.m()}) runs an override in the caller's own
   * subclass, a {@code super.m()} call runs no override, and a call on an object this code has just
   * made sets it up.
   */
  void record(
      Tree methodName,
      ExpressionTree qualifier,
      ExecutableElement method,
      Program.CallKind setUp,
      boolean detached,
      List<Object> locks,
      Element type) {
    if (!(trees.getElement(new TreePath(unitPath, methodName)) instanceof ExecutableElement callee)
        || !program.records(callee)) {
      return; // the JDK's methods, most calls, are never asked about: nothing more to work out
    }
    boolean reference = methodName instanceof MemberReferenceTree;
    // A method reference runs later, on whatever object it was bound to: never set-up, and not
    // necessarily on the running object.
    Fresh receiver = qualifier == null || reference ? null : receiver(qualifier);
    boolean onThis = !reference && (qualifier == null || OutlineWalk.isThis(qualifier, thisName));
    boolean exact = qualifier != null && isSuper(qualifier);
    TypeElement self = onThis && type instanceof TypeElement t ? t : null;
    Program.CallKind kind;
    ExecutableElement factory = null;
    if (detached) {
      kind = Program.CallKind.DETACHED;
    } else if (setUp != null) {
      kind = setUp;
    } else if (receiver != null && receiver.factory() == null) {
      kind = Program.CallKind.OBJECT_SET_UP;
    } else if (method == null) {
      kind = Program.CallKind.DETACHED;
    } else if (receiver != null) {
      kind = Program.CallKind.ON_FACTORY_RESULT;
      factory = receiver.factory();
    } else {
      kind = Program.CallKind.INLINE;
    }
    program.addCall(
        callee,
        kind == Program.CallKind.INLINE || kind == Program.CallKind.ON_FACTORY_RESULT
            ? method
            : null,
        kind,
        locks,
        factory,
        self,
        exact);
  }

  /** The key FactsScanner gives the monitor of {@code synchronized (expression)}. */
  Object monitorKey(Tree expression, Element type) {
    Tree e = expression;
    while (e instanceof ParenthesizedTree parens) {
      e = parens.getExpression();
    }
    if (e instanceof IdentifierTree id && id.getName().contentEquals("this")) {
      return type instanceof TypeElement owner ? "this:" + owner.getQualifiedName() : "this:?";
    }
    TreePath path = new TreePath(unitPath, e);
    if (e instanceof MemberSelectTree select
        && (select.getIdentifier().contentEquals("class")
            || select.getIdentifier().contentEquals("this"))) {
      javax.lang.model.type.TypeMirror typeOf =
          trees.getTypeMirror(
              new TreePath(
                  unitPath,
                  select.getIdentifier().contentEquals("class") ? select.getExpression() : e));
      String name =
          typeOf instanceof javax.lang.model.type.DeclaredType declared
              ? ((TypeElement) declared.asElement()).getQualifiedName().toString()
              : String.valueOf(typeOf);
      return (select.getIdentifier().contentEquals("class") ? "class:" : "this:") + name;
    }
    Element element = trees.getElement(path);
    return element != null ? element : e.toString();
  }
}
