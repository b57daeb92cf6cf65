package dev.clearguard.rules;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
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
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;

/**
 * The walk behind an {@link Outline}, and the call graph's recording into {@link Program}. {@link
 * #scan(Tree, Void)} handles the kinds of tree that make up almost all of a class directly,
 * descending only into the parts that can contain code (not into types, modifiers or annotations,
 * which cannot hold a call, a {@code synchronized} statement or a class); every other kind goes
 * through {@link TreeScanner}, which visits all of its children, so a kind this walk does not know
 * (a newer JDK's) is still walked completely. Handling the common kinds in one method rather than
 * in a visitor method each also keeps small the code the JIT compiles while javac runs.
 */
final class OutlineWalk extends TreeScanner<Void, Void> {
  /**
   * The compiler's names the walk compares with, looked up once per compilation: comparing javac
   * names is cheap, converting them to strings is not.
   */
  private record Vocabulary(
      Set<Name> mapMethods, Set<Name> synchronous, Name thisName, Name superName) {
    static Vocabulary of(MapKnowledge knowledge) {
      return new Vocabulary(
          knowledge.names(Outline.MAP_METHODS),
          knowledge.names(MapKnowledge.SYNCHRONOUS_CALLBACKS),
          knowledge.name("this"),
          knowledge.name("super"));
    }
  }

  private final TreePath unitPath;
  private final Trees trees;
  private final MapKnowledge knowledge;
  private final Program program;
  final Set<Name> called = new HashSet<>();
  final Set<Name> calledOnMap = new HashSet<>();
  private final Vocabulary words;
  private final Set<Name> resolved;
  private final Set<Name> synchronous;
  boolean synchronizedStatement;
  boolean mutableMapField;

  /** What the calls resolve to, and which objects this code has just made. */
  private final CallRecorder recorder;

  /** {@code program}: where to record the calls, or null for the outline alone. */
  OutlineWalk(TreePath unitPath, Trees trees, MapKnowledge knowledge, Program program) {
    this.unitPath = unitPath;
    this.trees = trees;
    this.knowledge = knowledge;
    this.program = program;
    this.words = knowledge.memo(Vocabulary.class, Vocabulary::of);
    this.resolved = words.mapMethods();
    this.synchronous = words.synchronous();
    this.recorder = new CallRecorder(unitPath, trees, program, words.thisName(), words.superName());
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
          recorder.escape(call.getArguments());
          scanAll(call.getArguments());
        }
      }
      case MEMBER_REFERENCE -> {
        MemberReferenceTree reference = (MemberReferenceTree) tree;
        recorder.endFieldFreshness();
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
        recorder.escape(creation.getArguments());
        scanAll(creation.getArguments());
        if (creation.getClassBody() != null) {
          recorder.endFieldFreshness();
        }
        scan(creation.getClassBody(), null);
      }
      case LAMBDA_EXPRESSION -> {
        recorder.endFieldFreshness();
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
            recorder.assign(local, local.getName(), assignment.getExpression());
          } else if (variable instanceof MemberSelectTree select
              && isThis(select.getExpression())
              && (CallRecorder.isNew(assignment.getExpression())
                  || recorder.holds(select.getIdentifier()))) {
            // this.f = new X() (not a factory's result: resolving every this.f = call() would
            // cost every class a look-up for a rare case)
            recorder.assign(select, select.getIdentifier(), assignment.getExpression());
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
          recorder.declare(variable);
        }
        scan(variable.getInitializer(), null);
      }
      case RETURN -> {
        ReturnTree ret = (ReturnTree) tree;
        if (program != null && lambdaDepth == 0) {
          returns++;
          freshReturns &=
              CallRecorder.isNew(ret.getExpression()) || recorder.isFreshLocal(ret.getExpression());
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
        recorder.endFieldFreshness();
        scanAll(loop.getInitializer());
        scan(loop.getCondition(), null);
        scanAll(loop.getUpdate());
        scan(loop.getStatement(), null);
      }
      case ENHANCED_FOR_LOOP -> {
        EnhancedForLoopTree loop = (EnhancedForLoopTree) tree;
        recorder.endFieldFreshness();
        scan(loop.getExpression(), null);
        scan(loop.getStatement(), null);
      }
      case WHILE_LOOP -> {
        WhileLoopTree loop = (WhileLoopTree) tree;
        recorder.endFieldFreshness();
        scan(loop.getCondition(), null);
        scan(loop.getStatement(), null);
      }
      case DO_WHILE_LOOP -> {
        DoWhileLoopTree loop = (DoWhileLoopTree) tree;
        recorder.endFieldFreshness();
        scan(loop.getStatement(), null);
        scan(loop.getCondition(), null);
      }
      case SYNCHRONIZED -> {
        synchronizedStatement = true;
        SynchronizedTree block = (SynchronizedTree) tree;
        scan(block.getExpression(), null);
        if (program != null) {
          List<Object> saved = locks;
          locks = with(locks, recorder.monitorKey(block.getExpression(), type));
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
    java.util.Map<Name, CallRecorder.Fresh> savedFresh = recorder.locals();
    boolean savedFreshField = recorder.mayHoldField();
    type = trees.getElement(new TreePath(unitPath, tree));
    try {
      for (Tree member : tree.getMembers()) {
        method = null;
        detached = false;
        locks = List.of();
        recorder.forget();
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
      recorder.restore(savedFresh, savedFreshField);
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

  private void visitMethodInContext(MethodTree tree) {
    Element element = trees.getElement(new TreePath(unitPath, tree));
    method = element instanceof ExecutableElement executable ? executable : null;
    if (method != null) {
      program.addDeclared(method);
    }
    recorder.forget();
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
    return isThis(receiver, words.thisName());
  }

  static boolean isThis(Tree receiver, Name thisName) {
    return (receiver instanceof IdentifierTree id && id.getName().equals(thisName))
        || (receiver instanceof MemberSelectTree select && select.getIdentifier().equals(thisName));
  }

  /** Records the call {@code methodName} resolves to, made on {@code qualifier}, if any. */
  private void edge(Tree methodName, ExpressionTree qualifier) {
    recorder.record(methodName, qualifier, method, setUp, detached, locks, type);
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
