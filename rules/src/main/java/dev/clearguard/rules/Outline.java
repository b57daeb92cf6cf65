package dev.clearguard.rules;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
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

  private Set<Name> calledNames;
  private Set<Name> calledOnMap;
  private boolean synchronizedStatement;
  private boolean mutableMapField;

  /** Why the walk failed, thrown again to every question: no answer comes from half a walk. */
  private RuntimeException failure;

  private Outline(
      CompilationUnitTree unit, ClassTree topLevel, Trees trees, Types types, Elements elements) {
    this.unit = unit;
    this.topLevel = topLevel;
    this.trees = trees;
    this.knowledge = MapKnowledge.of(types, elements);
  }

  public static Outline of(
      CompilationUnitTree unit, ClassTree topLevel, Trees trees, Types types, Elements elements) {
    return new Outline(unit, topLevel, trees, types, elements);
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
    private final Set<Name> resolved = knowledge.names(MAP_METHODS);
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
          if (select instanceof MemberSelectTree member) {
            call(member.getIdentifier(), member);
            scan(member.getExpression(), null);
          } else {
            if (select instanceof IdentifierTree identifier) {
              call(identifier.getName(), identifier);
            }
            scan(select, null);
          }
          scanAll(call.getArguments());
        }
        case MEMBER_REFERENCE -> {
          MemberReferenceTree reference = (MemberReferenceTree) tree;
          call(reference.getName(), reference);
          scan(reference.getQualifierExpression(), null);
        }
        case NEW_CLASS -> {
          NewClassTree creation = (NewClassTree) tree;
          scan(creation.getEnclosingExpression(), null);
          scanAll(creation.getArguments());
          scan(creation.getClassBody(), null);
        }
        case LAMBDA_EXPRESSION -> scan(((LambdaExpressionTree) tree).getBody(), null);
        case PARENTHESIZED -> scan(((ParenthesizedTree) tree).getExpression(), null);
        case TYPE_CAST -> scan(((TypeCastTree) tree).getExpression(), null);
        case ASSIGNMENT -> {
          AssignmentTree assignment = (AssignmentTree) tree;
          scan(assignment.getVariable(), null);
          scan(assignment.getExpression(), null);
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
        case VARIABLE -> scan(((VariableTree) tree).getInitializer(), null);
        case RETURN -> scan(((ReturnTree) tree).getExpression(), null);
        case THROW -> scan(((ThrowTree) tree).getExpression(), null);
        case IF -> {
          IfTree branch = (IfTree) tree;
          scan(branch.getCondition(), null);
          scan(branch.getThenStatement(), null);
          scan(branch.getElseStatement(), null);
        }
        case FOR_LOOP -> {
          ForLoopTree loop = (ForLoopTree) tree;
          scanAll(loop.getInitializer());
          scan(loop.getCondition(), null);
          scanAll(loop.getUpdate());
          scan(loop.getStatement(), null);
        }
        case ENHANCED_FOR_LOOP -> {
          EnhancedForLoopTree loop = (EnhancedForLoopTree) tree;
          scan(loop.getExpression(), null);
          scan(loop.getStatement(), null);
        }
        case WHILE_LOOP -> {
          WhileLoopTree loop = (WhileLoopTree) tree;
          scan(loop.getCondition(), null);
          scan(loop.getStatement(), null);
        }
        case SYNCHRONIZED -> {
          synchronizedStatement = true;
          SynchronizedTree block = (SynchronizedTree) tree;
          scan(block.getExpression(), null);
          scan(block.getBlock(), null);
        }
        case METHOD -> scan(((MethodTree) tree).getBody(), null);
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
      for (Tree member : tree.getMembers()) {
        if (!mutableMapField
            && member instanceof VariableTree variable
            && isMutableMapField(unitPath, variable)) {
          mutableMapField = true;
        }
        scan(member, null);
      }
    }
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
