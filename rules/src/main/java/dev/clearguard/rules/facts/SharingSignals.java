package dev.clearguard.rules.facts;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * What shows, for {@link FactsScanner}, that a class's instances or its static state are used by
 * several threads ({@link ClassFacts#isShared}): synchronized code, volatile or concurrency-typed
 * fields and variables, started threads, task classes, container-managed singletons, code run by a
 * scheduler; and which code is handed to another thread.
 */
final class SharingSignals {
  private final ClassFacts facts;

  SharingSignals(ClassFacts facts) {
    this.facts = facts;
  }

  /**
   * The class whose code is being scanned shows it is shared, at the level {@code isStatic} says.
   * So does the class around a local or anonymous class (that code is part of its enclosing
   * method's behaviour), but a member class's volatile field or synchronized method says nothing
   * about its outer class.
   */
  void markShared(ScanScope scope, boolean isStatic) {
    for (ScanScope s = scope; s != null && s.type() != null; s = s.declaredIn()) {
      TypeElement type = s.type();
      (isStatic ? facts.sharedStatics : facts.sharedClasses).add(type);
      NestingKind nesting = type.getNestingKind();
      if (nesting != NestingKind.ANONYMOUS && nesting != NestingKind.LOCAL) {
        return;
      }
      // Its enclosing code was static or not where the local or anonymous class was declared.
      isStatic = s.declaredIn() != null && s.declaredIn().isStatic();
    }
  }

  /**
   * Whether the class being scanned is already known to be shared at the given level: no need to
   * look further.
   */
  boolean alreadyShared(ScanScope scope, boolean isStatic) {
    return scope.type() != null
        && (isStatic ? facts.sharedStatics : facts.sharedClasses).contains(scope.type());
  }

  /** Marks the class shared when a value of {@code type} is made or held here (an executor). */
  void noteType(ScanScope scope, TypeMirror type) {
    if (!alreadyShared(scope, scope.isStatic()) && facts.knowledge().signalsSharing(type)) {
      markShared(scope, scope.isStatic());
    }
  }

  /** {@code thread.start()}, {@code executor.submit(..)}: the class hands work to other threads. */
  void noteThreadStart(ScanScope scope, MethodInvocationTree call, TreePath path) {
    if (alreadyShared(scope, scope.isStatic())) {
      return;
    }
    ExpressionTree receiver = MapKnowledge.receiver(call);
    if (receiver != null && facts.knowledge().signalsSharing(facts.type(receiver, path))) {
      markShared(scope, scope.isStatic());
    }
  }

  /**
   * A class whose kind says its instances run on or serve several threads: a {@code Runnable} or
   * {@code Thread}, a container-managed singleton, or {@code @ThreadSafe}.
   */
  boolean isSharedByKind(ClassTree tree, TypeElement type) {
    if (hasAnnotation(tree.getModifiers(), "ThreadSafe")) {
      return true;
    }
    for (AnnotationTree annotation : tree.getModifiers().getAnnotations()) {
      if (ThreadKnowledge.SINGLETON_ANNOTATIONS.contains(simpleName(annotation))) {
        return true;
      }
    }
    return facts.knowledge().isRunnable(type.asType());
  }

  /** A method a scheduler or an event bus calls on threads of its own. */
  static boolean runsOnASchedulerOrBus(MethodTree tree) {
    for (AnnotationTree annotation : tree.getModifiers().getAnnotations()) {
      if (ThreadKnowledge.RUNTIME_ANNOTATIONS.contains(simpleName(annotation))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the lambda or anonymous class at {@code path} is handed to another thread: passed to an
   * executor, a thread, a timer or a {@code CompletableFuture}'s async step, or registered as a
   * listener or callback.
   */
  boolean isHandedOff(TreePath path) {
    Tree parent = path.getParentPath().getLeaf();
    if (path.getLeaf() instanceof LambdaExpressionTree
        && !(parent instanceof VariableTree)
        && facts.knowledge().isTask(facts.trees().getTypeMirror(path))) {
      return true; // a Runnable or Callable handed on: made to run elsewhere
    }
    if (parent instanceof MethodInvocationTree call
        && call.getArguments().contains(path.getLeaf())) {
      if (ThreadKnowledge.handsOff(MapKnowledge.methodName(call))) {
        return true;
      }
      ExpressionTree receiver = MapKnowledge.receiver(call);
      return receiver != null
          && facts.knowledge().signalsSharing(facts.type(receiver, path.getParentPath()));
    }
    if (parent instanceof NewClassTree created && created.getArguments().contains(path.getLeaf())) {
      return facts.knowledge().signalsSharing(facts.trees().getTypeMirror(path.getParentPath()));
    }
    return false;
  }

  /**
   * Whether a {@code synchronized} statement locks static state: a lock on a static field or a
   * class guards static state (a synchronized static cache), not the instances.
   */
  boolean locksStaticState(ExpressionTree monitor, TreePath context) {
    ExpressionTree e = MapKnowledge.skipParens(monitor);
    if (e instanceof MemberSelectTree select && select.getIdentifier().contentEquals("class")) {
      return true;
    }
    Element element = facts.element(e, context);
    return element != null
        && element.getKind() == ElementKind.FIELD
        && element.getModifiers().contains(Modifier.STATIC);
  }

  static boolean hasAnnotation(ModifiersTree modifiers, String simpleName) {
    for (AnnotationTree annotation : modifiers.getAnnotations()) {
      if (simpleName(annotation).equals(simpleName)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code Before} for {@code @Before} and {@code @org.junit.Before}, without printing the tree.
   */
  static String simpleName(AnnotationTree annotation) {
    Tree type = annotation.getAnnotationType();
    if (type instanceof IdentifierTree id) {
      return id.getName().toString();
    }
    if (type instanceof MemberSelectTree select) {
      return select.getIdentifier().toString();
    }
    return type.toString();
  }
}
