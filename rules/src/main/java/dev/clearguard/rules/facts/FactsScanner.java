package dev.clearguard.rules.facts;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ErroneousTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The one pass that fills {@link ClassFacts}: it tracks which locks are held and whether the code
 * runs before publication while it records fields, their uses, and the trees the rules inspect.
 */
final class FactsScanner extends TreePathScanner<Void, Void> {
  /** Calls a rule may report or inspect; recording only these keeps the facts small. */
  private static final Set<String> INTERESTING_CALLS =
      Set.of("clear", "removeIf", "forEach", "forEachOrdered", "retainAll", "removeAll");

  /** Calls that start threads or hand work to an executor. */
  private static final Set<String> THREAD_STARTS = Set.of("start", "submit", "execute");

  /** The test frameworks' fixture annotations: JUnit 4 and 5, TestNG. */
  static final Set<String> FIXTURE_ANNOTATIONS =
      Set.of(
          "Before",
          "BeforeEach",
          "BeforeAll",
          "BeforeClass",
          "BeforeMethod",
          "BeforeTest",
          "BeforeSuite",
          "BeforeGroups");

  /** Methods that run before their object is shared, besides constructors and initialisers. */
  private static final Set<String> PRE_PUBLICATION_ANNOTATIONS =
      Set.of(
          "PostConstruct",
          "BeforeEach",
          "BeforeAll",
          "Before",
          "BeforeClass",
          "BeforeMethod",
          "BeforeTest",
          "BeforeSuite");

  private static final Set<String> PRE_PUBLICATION_METHODS =
      Set.of("readObject", "readResolve", "setUp", "afterPropertiesSet");

  private final ClassFacts facts;
  private final Deque<TypeElement> classes = new ArrayDeque<>();

  /** The locks held here. Never mutated: acquiring or releasing makes a new list. */
  private List<Lock> held = List.of();

  private Publishing publishing;
  private ExecutableElement method;
  private final java.util.Map<Element, Lock> lockOfVariable = new java.util.HashMap<>();

  /** The compiler's names the scanner compares with, looked up once per compilation. */
  record Vocabulary(
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

    static Vocabulary of(MapKnowledge knowledge) {
      return new Vocabulary(
          knowledge.names(INTERESTING_CALLS),
          knowledge.names(THREAD_STARTS),
          knowledge.names(MapKnowledge.SYNCHRONOUS_CALLBACKS),
          knowledge.names(Set.of("lock", "lockInterruptibly")),
          knowledge.name("unlock"),
          knowledge.name("tryLock"),
          knowledge.name("setUp"),
          knowledge.name("<init>"),
          knowledge.name("readObject"),
          knowledge.names(PRE_PUBLICATION_METHODS),
          knowledge.names(PRE_PUBLICATION_ANNOTATIONS),
          knowledge.names(FIXTURE_ANNOTATIONS));
    }
  }

  private final Set<Name> interestingCalls;
  private final Set<Name> threadStarts;
  private final Set<Name> synchronousCallbacks;
  private final Set<Name> acquires;
  private final Name unlock;
  private final Name tryLock;
  private final Name setUp;
  private final Name constructor;
  private final Name readObject;
  private final Set<Name> prePublicationMethods;
  private final Set<Name> prePublicationAnnotations;
  private final Set<Name> fixtureAnnotations;

  FactsScanner(ClassFacts facts) {
    this.facts = facts;
    Vocabulary words = facts.knowledge().memo(Vocabulary.class, Vocabulary::of);
    this.interestingCalls = words.interestingCalls();
    this.threadStarts = words.threadStarts();
    this.synchronousCallbacks = words.synchronousCallbacks();
    this.acquires = words.acquires();
    this.unlock = words.unlock();
    this.tryLock = words.tryLock();
    this.setUp = words.setUp();
    this.constructor = words.constructor();
    this.readObject = words.readObject();
    this.prePublicationMethods = words.prePublicationMethods();
    this.prePublicationAnnotations = words.prePublicationAnnotations();
    this.fixtureAnnotations = words.fixtureAnnotations();
  }

  private Site site() {
    return new Site(getCurrentPath(), publishing, held, method);
  }

  /**
   * The class whose code is being scanned shows it is shared. So does the class around a local or
   * anonymous class (that code is part of its enclosing method's behaviour), but a member class's
   * volatile field or synchronized method says nothing about its outer class.
   */
  private void markShared() {
    boolean isStatic = staticContext;
    java.util.Iterator<Boolean> enclosingStatic = staticAtEntry.iterator();
    for (TypeElement type : classes) {
      (isStatic ? facts.sharedStatics : facts.sharedClasses).add(type);
      javax.lang.model.element.NestingKind nesting = type.getNestingKind();
      if (nesting != javax.lang.model.element.NestingKind.ANONYMOUS
          && nesting != javax.lang.model.element.NestingKind.LOCAL) {
        return;
      }
      // Its enclosing code was static or not where the local or anonymous class was declared.
      isStatic = enclosingStatic.hasNext() && enclosingStatic.next();
    }
  }

  /**
   * Whether the class being scanned is already known to be shared, at the level of the code being
   * scanned: no need to look further.
   */
  private boolean alreadyShared() {
    return !classes.isEmpty()
        && (staticContext ? facts.sharedStatics : facts.sharedClasses).contains(classes.peek());
  }

  /** Whether the code being scanned is static: a static method, initialiser or field. */
  private boolean staticContext;

  /** For each class being scanned, whether the code around its declaration was static. */
  private final Deque<Boolean> staticAtEntry = new ArrayDeque<>();

  /** Whether the code being scanned is handed to another thread: an executor's task, a thread's. */
  private boolean handedOff;

  // ---- classes and members: what runs when, under which lock ----

  @Override
  public Void visitClass(ClassTree tree, Void unused) {
    Element element = facts.element(getCurrentPath());
    if (!(element instanceof TypeElement type)) {
      facts.erroneous = true;
      return null;
    }
    if (hasAnnotation(tree.getModifiers(), "ThreadSafe") || isSharedByKind(tree, type)) {
      facts.sharedClasses.add(type);
      facts.sharedStatics.add(type);
    }
    if (type.getNestingKind() == javax.lang.model.element.NestingKind.ANONYMOUS
        || type.getNestingKind() == javax.lang.model.element.NestingKind.LOCAL) {
      facts.collectNames(tree); // member classes were collected with the top-level class
    }
    List<Lock> savedHeld = held;
    Publishing savedPre = publishing;
    ExecutableElement savedMethod = method;
    boolean savedStatic = staticContext;
    boolean savedHandedOff = handedOff;
    classes.push(type);
    staticAtEntry.push(staticContext);
    // A nested, local or anonymous class's code runs on its own schedule: no lock of the
    // enclosing code is held there, and it can run after publication.
    held = List.of();
    publishing = null;
    method = null;
    staticContext = false;
    // The code of a task class (a Runnable, a Thread, a TimerTask) runs on another thread: the
    // enclosing class's fields it uses are handed off with it.
    handedOff =
        (savedHandedOff && type.getNestingKind() == javax.lang.model.element.NestingKind.ANONYMOUS)
            || (type.getNestingKind() != javax.lang.model.element.NestingKind.TOP_LEVEL
                && facts.knowledge().isTask(type.asType()));
    try {
      for (Tree member : tree.getMembers()) {
        if (member instanceof VariableTree field) {
          declareField(field, type);
        }
      }
      return super.visitClass(tree, unused);
    } finally {
      classes.pop();
      staticAtEntry.pop();
      held = savedHeld;
      publishing = savedPre;
      method = savedMethod;
      staticContext = savedStatic;
      handedOff = savedHandedOff;
    }
  }

  /** Container-managed singletons: one instance serves every request thread. */
  private static final Set<String> SINGLETON_ANNOTATIONS = Program.SINGLETON_ANNOTATIONS;

  /**
   * A class whose kind says its instances run on or serve several threads: a {@code Runnable} or
   * {@code Thread}, or a container-managed singleton.
   */
  private boolean isSharedByKind(ClassTree tree, TypeElement type) {
    for (AnnotationTree annotation : tree.getModifiers().getAnnotations()) {
      if (SINGLETON_ANNOTATIONS.contains(simpleName(annotation))) {
        return true;
      }
    }
    return facts.knowledge().isRunnable(type.asType());
  }

  private void declareField(VariableTree tree, TypeElement owner) {
    Element element = facts.trees().getElement(new TreePath(getCurrentPath(), tree));
    if (!(element instanceof VariableElement variable) || element.getKind() != ElementKind.FIELD) {
      return;
    }
    FieldFacts field = new FieldFacts(variable, tree, owner);
    facts.fieldNames.add(tree.getName());
    TypeMirror type = variable.asType();
    MapKnowledge knowledge = facts.knowledge();
    field.markMap(knowledge.isMap(type));
    if (knowledge.isConcurrentType(type)) {
      field.markConcurrent();
    }
    if (knowledge.isConcurrentMap(type)) {
      field.markBuiltForConcurrency();
    }
    if (knowledge.isHashtable(type)) {
      field.markSelfLocking();
    }
    if (hasAnnotation(tree.getModifiers(), "GuardedBy")) {
      field.markGuardedBy();
    }
    if (variable.getModifiers().contains(Modifier.VOLATILE)
        || facts.knowledge().signalsSharing(type)) {
      boolean saved = staticContext;
      staticContext = variable.getModifiers().contains(Modifier.STATIC);
      if (!alreadyShared()) {
        markShared();
      }
      staticContext = saved;
    }
    facts.fields.put(element, field);
  }

  @Override
  public Void visitMethod(MethodTree tree, Void unused) {
    List<Lock> savedHeld = held;
    Publishing savedPre = publishing;
    ExecutableElement savedMethod = method;
    Set<Modifier> flags = tree.getModifiers().getFlags();
    boolean isStatic = flags.contains(Modifier.STATIC);
    boolean savedStatic = staticContext;
    staticContext = isStatic;
    held = List.of();
    publishing =
        isPrePublication(tree) ? new Publishing(classes.peek(), isStatic, isFixture(tree)) : null;
    method =
        facts.element(getCurrentPath()) instanceof ExecutableElement executable ? executable : null;
    if (method != null && flags.contains(Modifier.PRIVATE)) {
      facts.privateMethods.add(method);
    }
    if (!alreadyShared() && runsOnASchedulerOrBus(tree)) {
      markShared(); // a scheduler or an event bus calls it on threads of its own
    }
    if (flags.contains(Modifier.SYNCHRONIZED)) {
      markShared();
      TypeElement owner = classes.peek();
      held =
          with(
              held,
              new Lock(
                  (isStatic ? "class:" : "this:") + owner.getQualifiedName(), Lock.Mode.EXCLUSIVE));
    }
    try {
      return super.visitMethod(tree, unused);
    } finally {
      held = savedHeld;
      publishing = savedPre;
      method = savedMethod;
      staticContext = savedStatic;
    }
  }

  private static boolean runsOnASchedulerOrBus(MethodTree tree) {
    for (AnnotationTree annotation : tree.getModifiers().getAnnotations()) {
      if (Program.RUNTIME_ANNOTATIONS.contains(simpleName(annotation))) {
        return true;
      }
    }
    return false;
  }

  /** A test fixture: a {@code @Before...} method or JUnit 3's {@code setUp()}. */
  private boolean isFixture(MethodTree tree) {
    if (setUp.equals(tree.getName())) {
      return true;
    }
    for (AnnotationTree annotation : tree.getModifiers().getAnnotations()) {
      if (fixtureAnnotations.contains(annotationName(annotation))) {
        return true;
      }
    }
    return false;
  }

  private boolean isPrePublication(MethodTree tree) {
    Name name = tree.getName();
    if (constructor.equals(name)) {
      return true;
    }
    if (prePublicationMethods.contains(name)
        && (readObject.equals(name) || tree.getParameters().isEmpty())) {
      return true;
    }
    for (AnnotationTree annotation : tree.getModifiers().getAnnotations()) {
      if (prePublicationAnnotations.contains(annotationName(annotation))) {
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
      return super.visitLambdaExpression(tree, unused);
    }
    // A lambda body runs whenever its caller decides: nothing held around it is held inside.
    List<Lock> savedHeld = held;
    Publishing savedPre = publishing;
    ExecutableElement savedMethod = method;
    boolean savedHandedOff = handedOff;
    held = List.of();
    publishing = null;
    method = null;
    handedOff = handedOff || isHandedOff(getCurrentPath());
    try {
      return super.visitLambdaExpression(tree, unused);
    } finally {
      held = savedHeld;
      publishing = savedPre;
      method = savedMethod;
      handedOff = savedHandedOff;
    }
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
        && synchronousCallbacks.contains(MapKnowledge.methodNameOf(call));
  }

  /** Calls that hand their function argument to another thread, or keep it to call back later. */
  private static final Set<String> HAND_OFF_CALLS =
      Set.of(
          "execute",
          "submit",
          "schedule",
          "scheduleAtFixedRate",
          "scheduleWithFixedDelay",
          "invokeAll",
          "invokeAny",
          "runAsync",
          "supplyAsync",
          "thenApplyAsync",
          "thenAcceptAsync",
          "thenRunAsync",
          "thenComposeAsync",
          "whenCompleteAsync",
          "handleAsync",
          "addCallback",
          "addListener",
          "subscribe",
          "register",
          "registerListener",
          "newThread");

  /**
   * Whether the lambda or anonymous class at {@code path} is handed to another thread: passed to an
   * executor, a thread, a timer or a {@code CompletableFuture}'s async step, or registered as a
   * listener or callback.
   */
  private boolean isHandedOff(TreePath path) {
    Tree parent = path.getParentPath().getLeaf();
    if (path.getLeaf() instanceof LambdaExpressionTree
        && !(parent instanceof VariableTree)
        && facts.knowledge().isTask(facts.trees().getTypeMirror(path))) {
      return true; // a Runnable or Callable handed on: made to run elsewhere
    }
    if (parent instanceof MethodInvocationTree call
        && call.getArguments().contains(path.getLeaf())) {
      String name = MapKnowledge.methodName(call);
      if (HAND_OFF_CALLS.contains(name)
          || (name.startsWith("add") && name.endsWith("Listener"))
          || name.startsWith("register")) {
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

  @Override
  public Void visitVariable(VariableTree tree, Void unused) {
    Tree parent = getCurrentPath().getParentPath().getLeaf();
    if (parent instanceof ClassTree) {
      Element element = facts.element(getCurrentPath());
      FieldFacts field = element == null ? null : facts.fields.get(element);
      if (field != null && tree.getInitializer() != null) {
        noteAssignedValue(field, tree.getInitializer(), getCurrentPath());
      }
      Publishing savedPre = publishing;
      List<Lock> savedHeld = held;
      ExecutableElement savedMethod = method;
      boolean savedStatic = staticContext;
      boolean isStatic = tree.getModifiers().getFlags().contains(Modifier.STATIC);
      publishing = new Publishing(classes.peek(), isStatic, false);
      held = List.of();
      method = null;
      staticContext = isStatic;
      try {
        return super.visitVariable(tree, unused);
      } finally {
        publishing = savedPre;
        held = savedHeld;
        method = savedMethod;
        staticContext = savedStatic;
      }
    }
    Element element = facts.element(getCurrentPath());
    if (element != null && element.getKind() == ElementKind.LOCAL_VARIABLE) {
      if (tree.getInitializer() != null) {
        facts.localInitializers.put(element, tree.getInitializer());
      }
      facts.localDeclarations.put(element, getCurrentPath());
    }
    if (element != null && !alreadyShared() && facts.knowledge().signalsSharing(element.asType())) {
      markShared();
    }
    return super.visitVariable(tree, unused);
  }

  private void noteAssignedValue(FieldFacts field, ExpressionTree value, TreePath context) {
    field.addAssignedValue(value);
    if (!field.isMap()) {
      return;
    }
    TypeMirror type = facts.type(value, context);
    MapKnowledge knowledge = facts.knowledge();
    if (knowledge.isConcurrentType(type)) {
      field.markConcurrent();
      if (knowledge.isHashtable(type)) {
        field.markSelfLocking();
      }
      if (knowledge.isConcurrentMap(type)) {
        field.markBuiltForConcurrency();
      }
    } else if (MapKnowledge.isSynchronizedWrapperCall(value)) {
      field.markConcurrent();
      field.markSelfLocking();
      field.markBuiltForConcurrency();
    }
  }

  // ---- blocks: Lock.lock() ... unlock(), initialiser blocks ----

  @Override
  public Void visitBlock(BlockTree tree, Void unused) {
    List<Lock> savedHeld = held;
    Publishing savedPre = publishing;
    ExecutableElement savedMethod = method;
    boolean savedStatic = staticContext;
    if (getCurrentPath().getParentPath().getLeaf() instanceof ClassTree) {
      publishing = new Publishing(classes.peek(), tree.isStatic(), false); // an initialiser block
      held = List.of();
      method = null;
      staticContext = tree.isStatic();
    }
    try {
      for (StatementTree statement : tree.getStatements()) {
        scan(statement, unused);
        Lock acquired = lockCall(statement, true);
        if (acquired != null) {
          held = with(held, acquired);
          continue;
        }
        Lock released = lockCall(statement, false);
        if (released != null) {
          held = without(held, released);
        } else if (statement instanceof TryTree attempt && attempt.getFinallyBlock() != null) {
          for (StatementTree cleanup : attempt.getFinallyBlock().getStatements()) {
            Lock unlocked = lockCall(cleanup, false);
            if (unlocked != null) {
              held = without(held, unlocked);
            }
          }
        }
      }
      return null;
    } finally {
      held = savedHeld;
      publishing = savedPre;
      method = savedMethod;
      staticContext = savedStatic;
    }
  }

  @Override
  public Void visitIf(IfTree tree, Void unused) {
    // if (lock.tryLock()) { ... } holds the lock in its then-branch.
    ExpressionTree condition = MapKnowledge.skipParens(tree.getCondition());
    if (condition instanceof MethodInvocationTree call
        && tryLock.equals(MapKnowledge.methodNameOf(call))) {
      Lock lock = lockOf(call);
      if (lock != null) {
        scan(tree.getCondition(), unused);
        List<Lock> savedHeld = held;
        held = new ArrayList<>(held);
        held = with(held, lock);
        scan(tree.getThenStatement(), unused);
        held = savedHeld;
        scan(tree.getElseStatement(), unused);
        return null;
      }
    }
    return super.visitIf(tree, unused);
  }

  /** The lock that {@code statement} acquires (or releases), if it is {@code x.lock()}. */
  private Lock lockCall(StatementTree statement, boolean acquire) {
    if (!(statement instanceof ExpressionStatementTree expression)
        || !(expression.getExpression() instanceof MethodInvocationTree call)) {
      return null;
    }
    Name name = MapKnowledge.methodNameOf(call);
    boolean matches = name != null && (acquire ? acquires.contains(name) : unlock.equals(name));
    return matches ? lockOf(call) : null;
  }

  /** The lock a {@code lock()/unlock()/tryLock()} call works on, or null if not a Lock. */
  private Lock lockOf(MethodInvocationTree call) {
    ExpressionTree receiver = MapKnowledge.receiver(call);
    if (receiver == null) {
      return null;
    }
    TreePath context = getCurrentPath();
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
        Object key = keyOf(owner, context);
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

  private Object keyOf(ExpressionTree expression, TreePath context) {
    return monitorKey(facts, expression, context);
  }

  /** The key of a monitor or lock object: {@code this}, a class literal, or a variable. */
  static Object monitorKey(ClassFacts facts, ExpressionTree expression, TreePath context) {
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

  private static String typeName(TypeMirror type) {
    return type instanceof DeclaredType declared
        ? ((TypeElement) declared.asElement()).getQualifiedName().toString()
        : String.valueOf(type);
  }

  @Override
  public Void visitSynchronized(SynchronizedTree tree, Void unused) {
    // A lock on a static field or a class guards static state (a synchronized static cache): it
    // shows the class's static state is shared, not that its instances are.
    boolean saved = staticContext;
    staticContext = staticContext || locksStaticState(tree.getExpression());
    markShared();
    staticContext = saved;
    facts.syncs.add(new ClassFacts.Event<>(tree, site()));
    scan(tree.getExpression(), unused);
    Object key = monitorKey(facts, tree.getExpression(), getCurrentPath());
    List<Lock> savedHeld = held;
    held = with(held, new Lock(key, Lock.Mode.EXCLUSIVE));
    try {
      scan(tree.getBlock(), unused);
    } finally {
      held = savedHeld;
    }
    return null;
  }

  private boolean locksStaticState(ExpressionTree monitor) {
    ExpressionTree e = MapKnowledge.skipParens(monitor);
    if (e instanceof MemberSelectTree select && select.getIdentifier().contentEquals("class")) {
      return true;
    }
    Element element = facts.element(e, getCurrentPath());
    return element != null
        && element.getKind() == ElementKind.FIELD
        && element.getModifiers().contains(Modifier.STATIC);
  }

  // ---- the trees rules look at ----

  @Override
  public Void visitEnhancedForLoop(EnhancedForLoopTree tree, Void unused) {
    facts.loops.add(new ClassFacts.Event<>(tree, site()));
    return super.visitEnhancedForLoop(tree, unused);
  }

  @Override
  public Void visitWhileLoop(WhileLoopTree tree, Void unused) {
    facts.loops.add(new ClassFacts.Event<>(tree, site()));
    return super.visitWhileLoop(tree, unused);
  }

  @Override
  public Void visitForLoop(ForLoopTree tree, Void unused) {
    facts.loops.add(new ClassFacts.Event<>(tree, site()));
    return super.visitForLoop(tree, unused);
  }

  @Override
  public Void visitDoWhileLoop(DoWhileLoopTree tree, Void unused) {
    facts.loops.add(new ClassFacts.Event<>(tree, site()));
    return super.visitDoWhileLoop(tree, unused);
  }

  @Override
  public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
    Name name = MapKnowledge.methodNameOf(tree);
    if (interestingCalls.contains(name)) {
      facts.calls.add(new ClassFacts.Event<>(tree, site()));
    }
    if (name != null
        && facts.privateMethodNames.contains(name)
        && facts.element(getCurrentPath()) instanceof ExecutableElement callee) {
      facts.callSites.computeIfAbsent(callee, k -> new ArrayList<>()).add(site());
    }
    if (!alreadyShared() && threadStarts.contains(name)) {
      ExpressionTree receiver = MapKnowledge.receiver(tree);
      if (receiver != null) {
        TypeMirror type = facts.type(receiver, getCurrentPath());
        if (facts.knowledge().signalsSharing(type)) {
          markShared();
        }
      }
    }
    checkType();
    return super.visitMethodInvocation(tree, unused);
  }

  @Override
  public Void visitNewClass(NewClassTree tree, Void unused) {
    TypeMirror type = facts.trees().getTypeMirror(getCurrentPath());
    if (!alreadyShared() && facts.knowledge().signalsSharing(type)) {
      markShared();
    }
    checkType();
    if (tree.getClassBody() == null) {
      return super.visitNewClass(tree, unused);
    }
    // An anonymous task or listener: its fields' uses are handed off with it.
    boolean savedHandedOff = handedOff;
    handedOff = handedOff || isHandedOff(getCurrentPath()) || facts.knowledge().isRunnable(type);
    try {
      return super.visitNewClass(tree, unused);
    } finally {
      handedOff = savedHandedOff;
    }
  }

  @Override
  public Void visitIdentifier(IdentifierTree tree, Void unused) {
    if (facts.fieldNames.contains(tree.getName())) {
      noteUse();
    } else {
      checkType();
    }
    return super.visitIdentifier(tree, unused);
  }

  @Override
  public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
    if (facts.fieldNames.contains(tree.getIdentifier())) {
      noteUse();
    }
    return super.visitMemberSelect(tree, unused);
  }

  @Override
  public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
    // this::helper can run anywhere, any time: the helper inherits nothing from its callers.
    if (facts.element(getCurrentPath()) instanceof ExecutableElement target) {
      facts.escapedMethods.add(target);
    }
    return super.visitMemberReference(tree, unused);
  }

  @Override
  public Void visitErroneous(ErroneousTree tree, Void unused) {
    facts.erroneous = true;
    return super.visitErroneous(tree, unused);
  }

  private void checkType() {
    TypeMirror type = facts.trees().getTypeMirror(getCurrentPath());
    if (type != null && type.getKind() == TypeKind.ERROR) {
      facts.erroneous = true;
    }
  }

  /**
   * {@code readLock = rw.readLock();} in a constructor: the field is that half of {@code rw}. Uses
   * of the field before this assignment was seen were recorded under the field itself; {@link
   * ClassFacts} maps them afterwards.
   */
  private void noteLockHalf(FieldFacts field, ExpressionTree value, TreePath context) {
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

  /** Records a use of a field declared in this class, classified by what it does. */
  private void noteUse() {
    TreePath path = getCurrentPath();
    Element element = facts.trees().getElement(path);
    if (element == null) {
      checkType();
      return;
    }
    if (element.getKind() != ElementKind.FIELD) {
      return;
    }
    FieldFacts field = facts.fields.get(element);
    if (field == null) {
      return;
    }
    Tree leaf = path.getLeaf();
    Tree parent = path.getParentPath().getLeaf();
    boolean onThis = isOwnField(leaf, path);
    Access.Kind kind = Access.Kind.READ;
    if (parent instanceof AssignmentTree assignment && assignment.getVariable() == leaf) {
      kind = Access.Kind.ASSIGN;
      noteAssignedValue(field, assignment.getExpression(), path.getParentPath());
      noteLockHalf(field, assignment.getExpression(), path.getParentPath());
    } else if (isMutation(path)) {
      kind = Access.Kind.MUTATE;
    }
    if (handedOff) {
      field.markHandedOff();
    }
    field.addAccess(new Access(site(), kind, onThis));
  }

  /** {@code f}, {@code this.f}, {@code Outer.this.f} or {@code Owner.f}; not {@code other.f}. */
  private boolean isOwnField(Tree leaf, TreePath path) {
    if (leaf instanceof IdentifierTree) {
      return true;
    }
    if (!(leaf instanceof MemberSelectTree select)) {
      return false;
    }
    ExpressionTree qualifier = MapKnowledge.skipParens(select.getExpression());
    if (MapKnowledge.isThis(qualifier)) {
      return true;
    }
    Element element = facts.element(qualifier, path);
    return element instanceof TypeElement;
  }

  /** {@code f.put(..)}, {@code f.keySet().remove(..)} and other calls that change the map. */
  private static boolean isMutation(TreePath path) {
    TreePath select = path.getParentPath();
    if (!(select.getLeaf() instanceof MemberSelectTree member)
        || !(select.getParentPath().getLeaf() instanceof MethodInvocationTree call)
        || call.getMethodSelect() != member) {
      return false;
    }
    String name = member.getIdentifier().toString();
    if (MapKnowledge.MUTATORS.contains(name)) {
      return true;
    }
    if (!MapKnowledge.VIEWS.contains(name)) {
      return false;
    }
    TreePath viewSelect = select.getParentPath().getParentPath();
    return viewSelect.getLeaf() instanceof MemberSelectTree viewMember
        && Set.of("remove", "removeIf", "removeAll", "retainAll", "clear")
            .contains(viewMember.getIdentifier().toString());
  }

  // ---- helpers ----

  private static List<Lock> with(List<Lock> locks, Lock lock) {
    List<Lock> more = new ArrayList<>(locks.size() + 1);
    more.addAll(locks);
    more.add(lock);
    return List.copyOf(more);
  }

  private static List<Lock> without(List<Lock> locks, Lock lock) {
    if (!locks.contains(lock)) {
      return locks;
    }
    List<Lock> fewer = new ArrayList<>(locks);
    fewer.remove(lock);
    return List.copyOf(fewer);
  }

  private static boolean hasAnnotation(ModifiersTree modifiers, String simpleName) {
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
