package dev.clearguard.rules;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
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
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import dev.clearguard.rules.facts.MapKnowledge;
import dev.clearguard.rules.facts.Program;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * What a quick look at a class shows before any analysis: the names of the methods it calls,
 * whether it has {@code synchronized} blocks, whether it has map fields that can be reassigned.
 * Enough for a rule to tell that it has nothing to report, so that most classes of a large build
 * are never analysed (see {@link Rule#mayReport}).
 *
 * <p>It comes from one plain walk over the class's trees that keeps no paths and resolves nothing
 * but the fields' types and the calls named in {@link #MAP_METHODS}, made the first time a rule
 * asks.
 */
public final class Outline {
  private final CompilationUnitTree unit;
  private final ClassTree topLevel;
  private final Trees trees;
  private final MapKnowledge knowledge;
  private final Program program;

  private Set<Name> calledNames;
  private Set<Name> calledOnMap;
  private boolean synchronizedStatement;
  private boolean mutableMapField;

  /** Why the walk failed, thrown again to every question: no answer comes from half a walk. */
  private RuntimeException failure;

  private Outline(
      CompilationUnitTree unit,
      ClassTree topLevel,
      Trees trees,
      Types types,
      Elements elements,
      Program program) {
    this.unit = unit;
    this.topLevel = topLevel;
    this.trees = trees;
    this.knowledge = program != null ? program.knowledge() : MapKnowledge.of(types, elements);
    this.program = program;
  }

  public static Outline of(
      CompilationUnitTree unit, ClassTree topLevel, Trees trees, Types types, Elements elements) {
    return new Outline(unit, topLevel, trees, types, elements, null);
  }

  /**
   * An outline whose walk also records, into {@code program}, every call the class makes of a
   * method outside the JDK, with the code it is made from: a method, set-up code, or code handed to
   * someone else (a lambda, an anonymous class). The compilation's call graph comes from the walk
   * every class gets anyway.
   */
  public static Outline of(
      CompilationUnitTree unit,
      ClassTree topLevel,
      Trees trees,
      Types types,
      Elements elements,
      Program program) {
    return new Outline(unit, topLevel, trees, types, elements, program);
  }

  /** Walks the class now, if no question has walked it yet: its calls reach the program. */
  public void record() {
    walk();
  }

  /**
   * Whether the class (nested classes, lambdas and anonymous classes included) calls a method with
   * one of these simple names, or takes a method reference to one ({@code map::remove}).
   */
  public boolean calls(String... methodNames) {
    walk();
    for (String methodName : methodNames) {
      if (calledNames.contains(knowledge.name(methodName))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The methods {@link #callsOnMap} can be asked about: the map views, {@code forEach} and {@code
   * clear}. The walk resolves calls to these names, and only these, to see whose method they call.
   */
  public static final Set<String> MAP_METHODS =
      Stream.concat(MapKnowledge.VIEWS.stream(), Stream.of("forEach", "clear"))
          .collect(Collectors.toUnmodifiableSet());

  /**
   * Whether the class calls, or takes a reference to, a method with one of these names that a
   * {@code java.util.Map} type declares: {@code values()} on a map, not on an enum. A call the
   * compiler could not resolve counts.
   *
   * @throws IllegalArgumentException for a name outside {@link #MAP_METHODS}
   */
  public boolean callsOnMap(String... methodNames) {
    walk();
    for (String methodName : methodNames) {
      if (!MAP_METHODS.contains(methodName)) {
        throw new IllegalArgumentException(
            "callsOnMap answers only for " + new TreeSet<>(MAP_METHODS) + ", not " + methodName);
      }
      if (calledOnMap.contains(knowledge.name(methodName))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the class has a {@code synchronized (..) { }} statement anywhere. */
  public boolean hasSynchronizedStatement() {
    walk();
    return synchronizedStatement;
  }

  /**
   * Whether the class, or a class declared inside it (member, local or anonymous), declares a field
   * of a {@code java.util.Map} type that is not {@code final}: the only kind of map field that can
   * be reassigned.
   */
  public boolean declaresMutableMapField() {
    walk();
    return mutableMapField;
  }

  private void walk() {
    if (failure != null) {
      throw failure;
    }
    if (calledNames != null) {
      return;
    }
    Walk walk = new Walk(new TreePath(unit));
    try {
      walk.scan(topLevel, null);
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    }
    synchronizedStatement = walk.synchronizedStatement;
    mutableMapField = walk.mutableMapField;
    calledOnMap = walk.calledOnMap;
    calledNames = walk.called;
  }

  /**
   * The compiler's names the walk compares with, looked up once per compilation: comparing javac
   * names is cheap, converting them to strings is not.
   */
  private record Vocabulary(
      Set<Name> mapMethods, Set<Name> synchronous, Name thisName, Name superName) {
    static Vocabulary of(MapKnowledge knowledge) {
      return new Vocabulary(
          knowledge.names(MAP_METHODS),
          knowledge.names(MapKnowledge.SYNCHRONOUS_CALLBACKS),
          knowledge.name("this"),
          knowledge.name("super"));
    }
  }

  /**
   * The walk itself. {@link #scan(Tree, Void)} handles the kinds of tree that make up almost all of
   * a class directly, descending only into the parts that can contain code (not into types,
   * modifiers or annotations, which cannot hold a call, a {@code synchronized} statement or a
   * class); every other kind goes through {@link TreeScanner}, which visits all of its children, so
   * a kind this walk does not know (a newer JDK's) is still walked completely. Handling the common
   * kinds in one method rather than in a visitor method each also keeps small the code the JIT
   * compiles while javac runs.
   */
  private final class Walk extends TreeScanner<Void, Void> {
    private final TreePath unitPath;
    final Set<Name> called = new HashSet<>();
    final Set<Name> calledOnMap = new HashSet<>();
    private final Vocabulary words = knowledge.memo(Vocabulary.class, Vocabulary::of);
    private final Set<Name> resolved = words.mapMethods();
    boolean synchronizedStatement;
    boolean mutableMapField;

    Walk(TreePath unitPath) {
      this.unitPath = unitPath;
    }

    @Override
    public Void scan(Tree tree, Void unused) {
      if (tree == null) {
        return null;
      }
      switch (tree.getKind()) {
        case IDENTIFIER,
            PRIMITIVE_TYPE,
            INT_LITERAL,
            LONG_LITERAL,
            FLOAT_LITERAL,
            DOUBLE_LITERAL,
            BOOLEAN_LITERAL,
            CHAR_LITERAL,
            STRING_LITERAL,
            NULL_LITERAL,
            EMPTY_STATEMENT,
            BREAK,
            CONTINUE -> {}
        case MEMBER_SELECT -> scan(((MemberSelectTree) tree).getExpression(), null);
        case METHOD_INVOCATION -> {
          MethodInvocationTree call = (MethodInvocationTree) tree;
          Tree select = call.getMethodSelect();
          Name name = null;
          if (select instanceof MemberSelectTree member) {
            name = member.getIdentifier();
            call(name, member);
            if (program != null) {
              edge(member, member.getExpression());
            }
            scan(member.getExpression(), null);
          } else {
            if (select instanceof IdentifierTree identifier) {
              name = identifier.getName();
              call(name, identifier);
              if (program != null) {
                edge(identifier, null);
              }
            }
            scan(select, null);
          }
          if (program != null && name != null && synchronous.contains(name)) {
            for (Tree argument : call.getArguments()) {
              inlineArgument(argument);
            }
          } else {
            escape(call.getArguments());
            scanAll(call.getArguments());
          }
        }
        case MEMBER_REFERENCE -> {
          MemberReferenceTree reference = (MemberReferenceTree) tree;
          endFieldFreshness();
          call(reference.getName(), reference);
          if (program != null) {
            boolean saved = detached;
            detached = true; // a reference to a method can be called from anywhere, any time
            edge(reference, reference.getQualifierExpression());
            detached = saved;
          }
          scan(reference.getQualifierExpression(), null);
        }
        case NEW_CLASS -> {
          NewClassTree creation = (NewClassTree) tree;
          scan(creation.getEnclosingExpression(), null);
          escape(creation.getArguments());
          scanAll(creation.getArguments());
          if (creation.getClassBody() != null) {
            endFieldFreshness();
          }
          scan(creation.getClassBody(), null);
        }
        case LAMBDA_EXPRESSION -> {
          endFieldFreshness();
          boolean saved = detached;
          detached = true; // runs whenever whoever receives it decides
          lambdaDepth++;
          scan(((LambdaExpressionTree) tree).getBody(), null);
          lambdaDepth--;
          detached = saved;
        }
        case PARENTHESIZED -> scan(((ParenthesizedTree) tree).getExpression(), null);
        case TYPE_CAST -> scan(((TypeCastTree) tree).getExpression(), null);
        case ASSIGNMENT -> {
          AssignmentTree assignment = (AssignmentTree) tree;
          scan(assignment.getVariable(), null);
          scan(assignment.getExpression(), null);
          if (program != null && method != null) {
            Tree variable = assignment.getVariable();
            if (variable instanceof IdentifierTree local) {
              assignLocal(local, local.getName(), assignment.getExpression());
            } else if (variable instanceof MemberSelectTree select
                && isThis(select.getExpression())
                && (isNew(assignment.getExpression())
                    || (fresh != null && fresh.containsKey(select.getIdentifier())))) {
              // this.f = new X() (not a factory's result: resolving every this.f = call() would
              // cost every class a look-up for a rare case)
              assignLocal(select, select.getIdentifier(), assignment.getExpression());
            }
          }
        }
        case CONDITIONAL_EXPRESSION -> {
          ConditionalExpressionTree conditional = (ConditionalExpressionTree) tree;
          scan(conditional.getCondition(), null);
          scan(conditional.getTrueExpression(), null);
          scan(conditional.getFalseExpression(), null);
        }
        case ARRAY_ACCESS -> {
          ArrayAccessTree access = (ArrayAccessTree) tree;
          scan(access.getExpression(), null);
          scan(access.getIndex(), null);
        }
        case BLOCK -> scanAll(((BlockTree) tree).getStatements());
        case EXPRESSION_STATEMENT -> scan(((ExpressionStatementTree) tree).getExpression(), null);
        case VARIABLE -> {
          VariableTree variable = (VariableTree) tree;
          if (program != null && method != null && variable.getInitializer() != null) {
            declareLocal(variable);
          }
          scan(variable.getInitializer(), null);
        }
        case RETURN -> {
          ReturnTree ret = (ReturnTree) tree;
          if (program != null && lambdaDepth == 0) {
            returns++;
            freshReturns &= isNew(ret.getExpression()) || isFreshLocal(ret.getExpression());
          }
          scan(ret.getExpression(), null);
        }
        case THROW -> scan(((ThrowTree) tree).getExpression(), null);
        case IF -> {
          IfTree branch = (IfTree) tree;
          scan(branch.getCondition(), null);
          scan(branch.getThenStatement(), null);
          scan(branch.getElseStatement(), null);
        }
        case FOR_LOOP -> {
          ForLoopTree loop = (ForLoopTree) tree;
          endFieldFreshness();
          scanAll(loop.getInitializer());
          scan(loop.getCondition(), null);
          scanAll(loop.getUpdate());
          scan(loop.getStatement(), null);
        }
        case ENHANCED_FOR_LOOP -> {
          EnhancedForLoopTree loop = (EnhancedForLoopTree) tree;
          endFieldFreshness();
          scan(loop.getExpression(), null);
          scan(loop.getStatement(), null);
        }
        case WHILE_LOOP -> {
          WhileLoopTree loop = (WhileLoopTree) tree;
          endFieldFreshness();
          scan(loop.getCondition(), null);
          scan(loop.getStatement(), null);
        }
        case DO_WHILE_LOOP -> {
          DoWhileLoopTree loop = (DoWhileLoopTree) tree;
          endFieldFreshness();
          scan(loop.getStatement(), null);
          scan(loop.getCondition(), null);
        }
        case SYNCHRONIZED -> {
          synchronizedStatement = true;
          SynchronizedTree block = (SynchronizedTree) tree;
          scan(block.getExpression(), null);
          if (program != null) {
            List<Object> saved = locks;
            locks = with(locks, monitorKey(block.getExpression()));
            scan(block.getBlock(), null);
            locks = saved;
          } else {
            scan(block.getBlock(), null);
          }
        }
        case METHOD -> {
          if (program != null) {
            visitMethodInContext((MethodTree) tree);
          } else {
            scan(((MethodTree) tree).getBody(), null);
          }
        }
        case CLASS, INTERFACE, ENUM, ANNOTATION_TYPE -> visitClassMembers((ClassTree) tree);
        default -> {
          if (tree instanceof BinaryTree binary) {
            scan(binary.getLeftOperand(), null);
            scan(binary.getRightOperand(), null);
          } else if (tree instanceof UnaryTree unary) {
            scan(unary.getExpression(), null);
          } else if (tree instanceof CompoundAssignmentTree assignment) {
            scan(assignment.getVariable(), null);
            scan(assignment.getExpression(), null);
          } else {
            // Every child, through the visitor; the children come back here.
            tree.accept(this, null);
          }
        }
      }
      return null;
    }

    /** Records a call of {@code name}; {@code tree} (the method's name in it) resolves to it. */
    private void call(Name name, Tree tree) {
      called.add(name);
      if (resolved.contains(name) && !calledOnMap.contains(name) && declaredByMap(tree)) {
        calledOnMap.add(name);
      }
    }

    private boolean declaredByMap(Tree methodName) {
      Element method = trees.getElement(new TreePath(unitPath, methodName));
      return method == null
          || !(method.getEnclosingElement() instanceof TypeElement owner)
          || knowledge.isMap(owner.asType());
    }

    private void scanAll(List<? extends Tree> trees) {
      for (Tree tree : trees) {
        scan(tree, null);
      }
    }

    /** A record, or a kind of class a newer JDK adds, reaches here through the visitor. */
    @Override
    public Void visitClass(ClassTree tree, Void unused) {
      visitClassMembers(tree);
      return null;
    }

    private void visitClassMembers(ClassTree tree) {
      if (program == null) {
        for (Tree member : tree.getMembers()) {
          if (!mutableMapField
              && member instanceof VariableTree variable
              && isMutableMapField(unitPath, variable)) {
            mutableMapField = true;
          }
          scan(member, null);
        }
        return;
      }
      // A class's code runs on its own schedule: nothing of the enclosing code's context holds.
      ExecutableElement savedMethod = method;
      Program.CallKind savedSetUp = setUp;
      boolean savedDetached = detached;
      List<Object> savedLocks = locks;
      Element savedType = type;
      java.util.Map<Name, Fresh> savedFresh = fresh;
      boolean savedFreshField = freshField;
      type = trees.getElement(new TreePath(unitPath, tree));
      try {
        for (Tree member : tree.getMembers()) {
          method = null;
          detached = false;
          locks = List.of();
          fresh = null;
          freshField = false;
          setUp = null;
          if (member instanceof VariableTree variable) {
            if (!mutableMapField && isMutableMapField(unitPath, variable)) {
              mutableMapField = true;
            }
            setUp = isStatic(variable) ? Program.CallKind.START_UP : Program.CallKind.OBJECT_SET_UP;
          } else if (member instanceof BlockTree block) {
            setUp = block.isStatic() ? Program.CallKind.START_UP : Program.CallKind.OBJECT_SET_UP;
          }
          scan(member, null);
        }
      } finally {
        method = savedMethod;
        setUp = savedSetUp;
        detached = savedDetached;
        locks = savedLocks;
        type = savedType;
        fresh = savedFresh;
        freshField = savedFreshField;
      }
    }

    // ---- the call graph: who calls what, from which code ----

    /** The method whose body is being walked, or null outside one. */
    private ExecutableElement method;

    /** Set-up code outside a method (initialisers), or null. */
    private Program.CallKind setUp;

    /** Whether the code being walked runs when someone else decides: a lambda's body. */
    private boolean detached;

    private List<Object> locks = List.of();
    private Element type;

    /** Local variables holding objects this code made and has not shared, by name. */
    private java.util.Map<Name, Fresh> fresh;

    /**
     * Whether {@link #fresh} may hold one of the object's own fields (set when one is added): most
     * methods have none, and then nothing a call is passed, or a loop, can end a field's freshness.
     */
    private boolean freshField;

    private final Set<Name> synchronous = words.synchronous();

    private void visitMethodInContext(MethodTree tree) {
      Element element = trees.getElement(new TreePath(unitPath, tree));
      method = element instanceof ExecutableElement executable ? executable : null;
      if (method != null) {
        program.addDeclared(method);
      }
      fresh = null;
      freshField = false;
      Set<Modifier> flags = tree.getModifiers().getFlags();
      if (flags.contains(Modifier.SYNCHRONIZED) && type instanceof TypeElement owner) {
        locks =
            List.of(
                (flags.contains(Modifier.STATIC) ? "class:" : "this:") + owner.getQualifiedName());
      }
      int savedReturns = returns;
      boolean savedFresh = freshReturns;
      int savedDepth = lambdaDepth;
      returns = 0;
      freshReturns = true;
      lambdaDepth = 0;
      scan(tree.getBody(), null);
      if (method != null && returns > 0 && freshReturns) {
        program.addFactory(method); // every return hands back an object it has just created
      }
      returns = savedReturns;
      freshReturns = savedFresh;
      lambdaDepth = savedDepth;
    }

    /** Returns seen in the method being walked, and whether each returned a new object. */
    private int returns;

    private boolean freshReturns;

    /** How many lambda bodies the walk is in, inside the method: their returns are their own. */
    private int lambdaDepth;

    /** {@code new X(..)}, an anonymous subclass's too: an object nobody else holds yet. */
    private static boolean isNew(Tree value) {
      Tree e = value;
      while (e instanceof ParenthesizedTree parens) {
        e = parens.getExpression();
      }
      return e instanceof NewClassTree;
    }

    /**
     * A local variable this method filled with {@code new}: {@code X x = new X(); ...; return x;}
     */
    private boolean isFreshLocal(Tree value) {
      Fresh known = freshReceiver(value);
      return known != null && known.factory() == null;
    }

    /** A lambda or method reference that a library method runs before it returns. */
    private void inlineArgument(Tree argument) {
      if (argument instanceof LambdaExpressionTree lambda) {
        lambdaDepth++;
        scan(lambda.getBody(), null);
        lambdaDepth--;
      } else if (argument instanceof MemberReferenceTree reference) {
        call(reference.getName(), reference);
        edge(reference, reference.getQualifierExpression());
        scan(reference.getQualifierExpression(), null);
      } else {
        scan(argument, null);
      }
    }

    /** {@code this}, or {@code Outer.this}: the object running the code (or its outer one). */
    private boolean isThis(ExpressionTree receiver) {
      return (receiver instanceof IdentifierTree id && id.getName().equals(words.thisName()))
          || (receiver instanceof MemberSelectTree select
              && select.getIdentifier().equals(words.thisName()));
    }

    /**
     * {@code super}, {@code Outer.super} or {@code Interface.super}: the call runs exactly the
     * named method, never an override of it.
     */
    private boolean isSuper(ExpressionTree receiver) {
      return (receiver instanceof IdentifierTree id && id.getName().equals(words.superName()))
          || (receiver instanceof MemberSelectTree select
              && select.getIdentifier().equals(words.superName()));
    }

    /**
     * A field holding an object this method made stops being fresh once other code can reach the
     * object through something other than this straight-line code: the field is published by its
     * assignment, so a loop may run the calls on it after another thread got it, and a lambda, an
     * anonymous class or a method reference may use it at any time.
     */
    private void endFieldFreshness() {
      if (fresh != null && freshField) {
        fresh.values().removeIf(f -> f.local() != null && f.local().getKind() == ElementKind.FIELD);
      }
    }

    /** A fresh field passed to a call or a constructor is handed to other code: no longer fresh. */
    private void escape(List<? extends ExpressionTree> arguments) {
      if (fresh == null || program == null || !freshField) {
        return; // only fields stop being fresh when passed on
      }
      for (ExpressionTree argument : arguments) {
        Fresh known = freshReceiver(argument);
        if (known != null
            && known.local() != null
            && known.local().getKind() == ElementKind.FIELD) {
          fresh.values().remove(known);
        }
      }
    }

    /**
     * Records the call that {@code methodName} (a call's name, or a method reference) resolves to,
     * made on {@code qualifier} (null for an unqualified call): a call on the running object
     * ({@code m()}, {@code this.m()}) runs an override in the caller's own subclass, a {@code
     * super.m()} call runs no override, and a call on an object this code has just made sets it up.
     */
    private void edge(Tree methodName, ExpressionTree qualifier) {
      if (!(trees.getElement(new TreePath(unitPath, methodName))
              instanceof ExecutableElement callee)
          || !program.records(callee)) {
        return; // the JDK's methods, most calls, are never asked about: nothing more to work out
      }
      boolean reference = methodName instanceof MemberReferenceTree;
      // A method reference runs later, on whatever object it was bound to: never set-up, and not
      // necessarily on the running object.
      Fresh receiver = qualifier == null || reference ? null : freshReceiver(qualifier);
      boolean onThis = !reference && (qualifier == null || isThis(qualifier));
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

    /**
     * A local variable holding an object this code made: with {@code new} ({@code factory} null),
     * or from a method of the compilation that may return a new object each time ({@code factory}),
     * which the program checks once it has seen that method.
     */
    private record Fresh(Element local, ExecutableElement factory) {}

    private void declareLocal(VariableTree variable) {
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
     * {@code x = new X()} makes {@code x} fresh for the rest of the method; any other value makes
     * it not fresh. {@code x} is a local variable or one of the object's own fields ({@code
     * this.server = new Server(); server.configure(..)}): either way the calls that follow set up
     * an object this code has just made.
     */
    private void assignLocal(Tree variable, Name name, Tree value) {
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

    /**
     * What a value makes of the variable it is stored in: fresh, fresh if a factory is, or null.
     */
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
    private Fresh freshReceiver(Tree receiver) {
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
      if (e instanceof MemberSelectTree select && isThis(select.getExpression())) {
        Fresh known = fresh.get(select.getIdentifier());
        if (known == null) {
          return null;
        }
        Element element = trees.getElement(new TreePath(unitPath, select));
        return element != null && element.equals(known.local()) ? known : null;
      }
      return null;
    }

    /** The key FactsScanner gives the monitor of {@code synchronized (expression)}. */
    private Object monitorKey(Tree expression) {
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

  private static boolean isStatic(VariableTree variable) {
    return variable.getModifiers().getFlags().contains(Modifier.STATIC);
  }

  private static List<Object> with(List<Object> locks, Object key) {
    List<Object> more = new java.util.ArrayList<>(locks);
    more.add(key);
    return List.copyOf(more);
  }

  private boolean isMutableMapField(TreePath unitPath, VariableTree variable) {
    if (variable.getModifiers().getFlags().contains(Modifier.FINAL)) {
      return false;
    }
    // A declaration's element is recorded on the declaration itself: any enclosing path will do.
    Element field = trees.getElement(new TreePath(unitPath, variable));
    return field == null // unresolved: assume the worst
        || (field.getKind() == ElementKind.FIELD
            && !field.getModifiers().contains(Modifier.FINAL) // interface fields are implicitly
            && knowledge.isMap(field.asType()));
  }
}
