package dev.clearguard.rules.facts;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ErroneousTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.Name;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * The one pass that fills {@link ClassFacts}: it keeps a {@link ScanScope} (which locks are held,
 * whether the code runs before publication, in which method) while it records fields, their uses,
 * and the trees the rules inspect. What a tree means is asked of three collaborators sharing that
 * scope: {@link LockTracker} (which lock a statement takes or releases), {@link SharingSignals}
 * (what shows the class is shared) and {@link FieldUses} (the fields and their uses).
 */
final class FactsScanner extends TreePathScanner<Void, Void> {
  /** Calls a rule may report or inspect; recording only these keeps the facts small. */
  private static final Set<String> INTERESTING_CALLS =
      Set.of("clear", "removeIf", "forEach", "forEachOrdered", "retainAll", "removeAll");

  /** The compiler's names the scanner compares with, looked up once per compilation. */
  record Words(
      Set<Name> interestingCalls,
      Set<Name> threadStarts,
      Set<Name> synchronousCallbacks,
      Set<Name> acquires,
      Name unlock,
      Name tryLock,
      Name setUp,
      Name constructor,
      Name readObject,
      Set<Name> prePublicationMethods,
      Set<Name> prePublicationAnnotations,
      Set<Name> fixtureAnnotations) {

    static Words of(MapKnowledge knowledge) {
      return new Words(
          knowledge.names(INTERESTING_CALLS),
          knowledge.names(ThreadKnowledge.THREAD_STARTS),
          knowledge.names(MapKnowledge.SYNCHRONOUS_CALLBACKS),
          knowledge.names(Set.of("lock", "lockInterruptibly")),
          knowledge.name("unlock"),
          knowledge.name("tryLock"),
          knowledge.name("setUp"),
          knowledge.name("<init>"),
          knowledge.name("readObject"),
          knowledge.names(ThreadKnowledge.PRE_PUBLICATION_METHODS),
          knowledge.names(ThreadKnowledge.PRE_PUBLICATION_ANNOTATIONS),
          knowledge.names(ThreadKnowledge.FIXTURE_ANNOTATIONS));
    }
  }

  private final ClassFacts facts;
  private final Words words;
  private final LockTracker locks;
  private final SharingSignals signals;
  private final FieldUses fields;

  /**
   * What holds at the code being scanned: entered and left only in {@link #withScope}; within a
   * block, replaced as its statements take and release locks.
   */
  private ScanScope scope = ScanScope.OUTSIDE;

  FactsScanner(ClassFacts facts) {
    this.facts = facts;
    this.words = facts.knowledge().memo(Words.class, Words::of);
    this.locks = new LockTracker(facts, words);
    this.signals = new SharingSignals(facts);
    this.fields = new FieldUses(facts, locks, signals);
  }

  /**
   * Runs {@code scan} under {@code inner} and restores the scope around it, also when it throws:
   * the one place a scope is entered and left. Within {@code scan}, a block may replace the scope
   * as it takes and releases locks; that too ends here.
   */
  private void withScope(ScanScope inner, Runnable scan) {
    ScanScope outer = scope;
    scope = inner;
    try {
      scan.run();
    } finally {
      scope = outer;
    }
  }

  private Site site() {
    return scope.site(getCurrentPath());
  }

  // ---- classes and members: what runs when, under which lock ----

  @Override
  public Void visitClass(ClassTree tree, Void unused) {
    TreePath path = getCurrentPath();
    if (!(facts.element(path) instanceof TypeElement type)) {
      facts.erroneous = true;
      return null;
    }
    if (signals.isSharedByKind(tree, type)) {
      facts.sharedClasses.add(type);
      facts.sharedStatics.add(type);
    }
    NestingKind nesting = type.getNestingKind();
    if (nesting == NestingKind.ANONYMOUS || nesting == NestingKind.LOCAL) {
      facts.collectNames(tree); // member classes were collected with the top-level class
    }
    // The code of a task class (a Runnable, a Thread, a TimerTask) runs on another thread: the
    // enclosing class's fields it uses are handed off with it.
    boolean handedOff =
        (scope.handedOff() && nesting == NestingKind.ANONYMOUS)
            || (nesting != NestingKind.TOP_LEVEL && facts.knowledge().isTask(type.asType()));
    withScope(
        scope.enterClass(type, handedOff),
        () -> {
          for (Tree member : tree.getMembers()) {
            if (member instanceof VariableTree field) {
              fields.declare(field, type, path, scope);
            }
          }
          super.visitClass(tree, null);
        });
    return null;
  }

  @Override
  public Void visitMethod(MethodTree tree, Void unused) {
    Set<Modifier> flags = tree.getModifiers().getFlags();
    boolean isStatic = flags.contains(Modifier.STATIC);
    TypeElement owner = scope.type();
    Publishing publishing =
        isPrePublication(tree) ? new Publishing(owner, isStatic, isFixture(tree)) : null;
    ExecutableElement method =
        facts.element(getCurrentPath()) instanceof ExecutableElement executable ? executable : null;
    List<Lock> held =
        flags.contains(Modifier.SYNCHRONIZED)
            ? List.of(LockTracker.methodMonitor(owner, isStatic))
            : List.of();
    ScanScope body = scope.member(held, publishing, method, isStatic);
    if (method != null && flags.contains(Modifier.PRIVATE)) {
      facts.privateMethods.add(method);
    }
    if (!signals.alreadyShared(body, isStatic) && SharingSignals.runsOnASchedulerOrBus(tree)) {
      signals.markShared(body, isStatic); // a scheduler or an event bus calls it on its own threads
    }
    if (flags.contains(Modifier.SYNCHRONIZED)) {
      signals.markShared(body, isStatic);
    }
    withScope(body, () -> super.visitMethod(tree, null));
    return null;
  }

  /** A test fixture: a {@code @Before...} method or JUnit 3's {@code setUp()}. */
  private boolean isFixture(MethodTree tree) {
    if (words.setUp().equals(tree.getName())) {
      return true;
    }
    for (AnnotationTree annotation : tree.getModifiers().getAnnotations()) {
      if (words.fixtureAnnotations().contains(annotationName(annotation))) {
        return true;
      }
    }
    return false;
  }

  private boolean isPrePublication(MethodTree tree) {
    Name name = tree.getName();
    if (words.constructor().equals(name)) {
      return true;
    }
    if (words.prePublicationMethods().contains(name)
        && (words.readObject().equals(name) || tree.getParameters().isEmpty())) {
      return true;
    }
    for (AnnotationTree annotation : tree.getModifiers().getAnnotations()) {
      if (words.prePublicationAnnotations().contains(annotationName(annotation))) {
        return true;
      }
    }
    return false;
  }

  /** The annotation's simple name as the compiler's name, without printing the tree. */
  private static Name annotationName(AnnotationTree annotation) {
    Tree type = annotation.getAnnotationType();
    if (type instanceof IdentifierTree id) {
      return id.getName();
    }
    if (type instanceof MemberSelectTree select) {
      return select.getIdentifier();
    }
    return null;
  }

  @Override
  public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
    if (isSynchronousCallback()) {
      return super.visitLambdaExpression(tree, null);
    }
    // A lambda body runs whenever its caller decides: nothing held around it is held inside.
    boolean handedOff = scope.handedOff() || signals.isHandedOff(getCurrentPath());
    withScope(scope.detached(handedOff), () -> super.visitLambdaExpression(tree, null));
    return null;
  }

  /**
   * Whether the lambda being visited is an argument of a library call that runs it before returning
   * ({@code forEach}, {@code computeIfAbsent}, stream steps): then the locks held around the call
   * are held inside it too.
   */
  private boolean isSynchronousCallback() {
    Tree parent = getCurrentPath().getParentPath().getLeaf();
    return parent instanceof MethodInvocationTree call
        && call.getArguments().contains(getCurrentPath().getLeaf())
        && words.synchronousCallbacks().contains(MapKnowledge.methodNameOf(call));
  }

  @Override
  public Void visitVariable(VariableTree tree, Void unused) {
    Tree parent = getCurrentPath().getParentPath().getLeaf();
    if (parent instanceof ClassTree) {
      Element element = facts.element(getCurrentPath());
      FieldFacts field = element == null ? null : facts.fields.get(element);
      if (field != null && tree.getInitializer() != null) {
        fields.noteAssignedValue(field, tree.getInitializer(), getCurrentPath());
      }
      boolean isStatic = tree.getModifiers().getFlags().contains(Modifier.STATIC);
      Publishing initialiser = new Publishing(scope.type(), isStatic, false);
      withScope(
          scope.member(List.of(), initialiser, null, isStatic),
          () -> super.visitVariable(tree, null));
      return null;
    }
    Element element = facts.element(getCurrentPath());
    if (element != null && element.getKind() == ElementKind.LOCAL_VARIABLE) {
      if (tree.getInitializer() != null) {
        facts.localInitializers.put(element, tree.getInitializer());
      }
      facts.localDeclarations.put(element, getCurrentPath());
    }
    if (element != null) {
      signals.noteType(scope, element.asType());
    }
    return super.visitVariable(tree, null);
  }

  // ---- blocks: Lock.lock() ... unlock(), initialiser blocks ----

  @Override
  public Void visitBlock(BlockTree tree, Void unused) {
    ScanScope inner =
        getCurrentPath().getParentPath().getLeaf() instanceof ClassTree
            ? scope.member( // an initialiser block
                List.of(),
                new Publishing(scope.type(), tree.isStatic(), false),
                null,
                tree.isStatic())
            : scope;
    // The locks a statement takes are held by the statements after it, up to the block's end.
    withScope(inner, () -> scanStatements(tree));
    return null;
  }

  private void scanStatements(BlockTree tree) {
    TreePath path = getCurrentPath();
    for (StatementTree statement : tree.getStatements()) {
      scan(statement, null);
      List<Lock> held = locks.after(scope.held(), statement, path);
      if (held != scope.held()) {
        scope = scope.holding(held);
      }
    }
  }

  @Override
  public Void visitIf(IfTree tree, Void unused) {
    // if (lock.tryLock()) { ... } holds the lock in its then-branch.
    Lock lock = locks.triedBy(tree, getCurrentPath());
    if (lock == null) {
      return super.visitIf(tree, null);
    }
    scan(tree.getCondition(), null);
    withScope(
        scope.holding(LockTracker.with(scope.held(), lock)),
        () -> scan(tree.getThenStatement(), null));
    scan(tree.getElseStatement(), null);
    return null;
  }

  @Override
  public Void visitSynchronized(SynchronizedTree tree, Void unused) {
    // A lock on a static field or a class guards static state (a synchronized static cache): it
    // shows the class's static state is shared, not that its instances are.
    signals.markShared(
        scope,
        scope.isStatic() || signals.locksStaticState(tree.getExpression(), getCurrentPath()));
    facts.syncs.add(new ClassFacts.Event<>(tree, site()));
    scan(tree.getExpression(), null);
    Lock monitor =
        new Lock(locks.monitorKey(tree.getExpression(), getCurrentPath()), Lock.Mode.EXCLUSIVE);
    withScope(
        scope.holding(LockTracker.with(scope.held(), monitor)), () -> scan(tree.getBlock(), null));
    return null;
  }

  // ---- the trees rules look at ----

  @Override
  public Void visitEnhancedForLoop(EnhancedForLoopTree tree, Void unused) {
    facts.loops.add(new ClassFacts.Event<>(tree, site()));
    return super.visitEnhancedForLoop(tree, null);
  }

  @Override
  public Void visitWhileLoop(WhileLoopTree tree, Void unused) {
    facts.loops.add(new ClassFacts.Event<>(tree, site()));
    return super.visitWhileLoop(tree, null);
  }

  @Override
  public Void visitForLoop(ForLoopTree tree, Void unused) {
    facts.loops.add(new ClassFacts.Event<>(tree, site()));
    return super.visitForLoop(tree, null);
  }

  @Override
  public Void visitDoWhileLoop(DoWhileLoopTree tree, Void unused) {
    facts.loops.add(new ClassFacts.Event<>(tree, site()));
    return super.visitDoWhileLoop(tree, null);
  }

  @Override
  public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
    Name name = MapKnowledge.methodNameOf(tree);
    if (words.interestingCalls().contains(name)) {
      facts.calls.add(new ClassFacts.Event<>(tree, site()));
    }
    if (name != null
        && facts.privateMethodNames.contains(name)
        && facts.element(getCurrentPath()) instanceof ExecutableElement callee) {
      facts.callSites.computeIfAbsent(callee, k -> new ArrayList<>()).add(site());
    }
    if (words.threadStarts().contains(name)) {
      signals.noteThreadStart(scope, tree, getCurrentPath());
    }
    facts.checkType(getCurrentPath());
    return super.visitMethodInvocation(tree, null);
  }

  @Override
  public Void visitNewClass(NewClassTree tree, Void unused) {
    TypeMirror type = facts.trees().getTypeMirror(getCurrentPath());
    signals.noteType(scope, type);
    facts.checkType(getCurrentPath());
    if (tree.getClassBody() == null) {
      return super.visitNewClass(tree, null);
    }
    // An anonymous task or listener: its fields' uses are handed off with it.
    boolean handedOff =
        scope.handedOff()
            || signals.isHandedOff(getCurrentPath())
            || facts.knowledge().isRunnable(type);
    withScope(scope.handingOff(handedOff), () -> super.visitNewClass(tree, null));
    return null;
  }

  @Override
  public Void visitIdentifier(IdentifierTree tree, Void unused) {
    if (facts.fieldNames.contains(tree.getName())) {
      fields.noteUse(getCurrentPath(), scope);
    } else {
      facts.checkType(getCurrentPath());
    }
    return super.visitIdentifier(tree, null);
  }

  @Override
  public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
    if (facts.fieldNames.contains(tree.getIdentifier())) {
      fields.noteUse(getCurrentPath(), scope);
    }
    return super.visitMemberSelect(tree, null);
  }

  @Override
  public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
    // this::helper can run anywhere, any time: the helper inherits nothing from its callers.
    if (facts.element(getCurrentPath()) instanceof ExecutableElement target) {
      facts.escapedMethods.add(target);
    }
    return super.visitMemberReference(tree, null);
  }

  @Override
  public Void visitErroneous(ErroneousTree tree, Void unused) {
    facts.erroneous = true;
    return super.visitErroneous(tree, null);
  }
}
