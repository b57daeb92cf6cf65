package dev.clearguard.checker.errorprone;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.model.JavacElements;
import com.sun.tools.javac.model.JavacTypes;
import dev.clearguard.rules.Finding;
import dev.clearguard.rules.FixPlan;
import dev.clearguard.rules.FixPlan.Shape;
import dev.clearguard.rules.FixPlan.Strategy;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Turns a finding's {@link FixPlan} into an Error Prone {@link SuggestedFix}, so that {@code
 * -XepPatchChecks} can apply it.
 *
 * <p>The plan's strategies are tried in the plan's order of preference; a strategy is used only
 * where the rewrite is local and certainly compiles, otherwise the next one is tried, and a finding
 * none of them fits is reported without a fix (its message still names the fix). Inside Error Prone
 * the end positions are reliable, so edits are made on javac's trees.
 *
 * <ul>
 *   <li>{@code SNAPSHOT_MAP}: the field {@code Map<K, V> m = new ConcurrentHashMap<>()} becomes
 *       {@code final SnapshotMap<K, V> m = new SnapshotMap<>()} when nothing reassigns it; then a
 *       clear loop becomes {@code m.clear();}, a drain loop iterates {@code m.drain()}'s view, and
 *       {@code m.clear(); m.putAll(x);} becomes {@code m.swap(x);}.
 *   <li>{@code VOLATILE_PUBLISH}: a reassigned field becomes {@code volatile}.
 *   <li>{@code MINIMAL_CLEAR}: the loop or call becomes {@code m.clear();}.
 * </ul>
 */
final class PlanFixes {
  static final String SNAPSHOT_MAP = "dev.clearguard.runtime.SnapshotMap";

  private static final Set<String> VIEWS = Set.of("keySet", "entrySet", "values");

  private final FixPlan plan;
  private final VisitorState state;
  private final JavacTrees trees;
  private final CompilationUnitTree unit;
  private final Map<Long, TreePath> statements;

  private PlanFixes(Finding finding, VisitorState state) {
    this.plan = finding.fixPlan();
    this.state = state;
    this.trees = JavacTrees.instance(state.context);
    this.unit = finding.path().getCompilationUnit();
    this.statements = statementsAt(plan);
  }

  /** The fix for the finding's most preferred strategy that applies here, or null. */
  static SuggestedFix fix(Finding finding, VisitorState state) {
    PlanFixes fixes = new PlanFixes(finding, state);
    for (Strategy strategy : finding.fixPlan().strategies()) {
      SuggestedFix.Builder fix =
          switch (strategy) {
            case SNAPSHOT_MAP -> fixes.snapshotMap();
            case VOLATILE_PUBLISH -> fixes.volatilePublish();
            case MINIMAL_CLEAR -> fixes.minimalClear();
          };
      if (fix != null && !fix.isEmpty()) {
        return fix.build();
      }
    }
    return null;
  }

  // ---- strategies ----

  private SuggestedFix.Builder minimalClear() {
    if (plan.shape() != Shape.CLEAR_LOOP && plan.shape() != Shape.CLEAR_CALL) {
      return null;
    }
    TreePath target = statement(plan.target());
    if (target == null || !isLoopOrExpressionStatement(target.getLeaf())) {
      return null; // the call is part of an expression: `m.clear()` returns nothing to use
    }
    SuggestedFix.Builder fix =
        SuggestedFix.builder().replace(target.getLeaf(), plan.mapExpression() + ".clear();");
    for (FixPlan.Position position : plan.related()) {
      TreePath related = statement(position);
      if (related == null) {
        return null;
      }
      deleteStatement(fix, related.getLeaf());
    }
    return fix;
  }

  private SuggestedFix.Builder snapshotMap() {
    TreePath field = plan.field() == null ? null : statement(plan.field().declaration());
    if (field == null || !(field.getLeaf() instanceof VariableTree)) {
      return null;
    }
    SuggestedFix.Builder migrate = migrateField(field);
    if (migrate == null) {
      return null;
    }
    Element fieldElement = trees.getElement(field);
    SuggestedFix.Builder use =
        switch (plan.shape()) {
          case CLEAR_LOOP, CLEAR_CALL -> minimalClear();
          case DRAIN_LOOP -> drainLoop(fieldElement);
          case CLEAR_THEN_REFILL -> swapRefill(fieldElement);
          // Every other assignment of the field would have to change as well.
          case REASSIGN_EMPTY, REASSIGN_VALUE, SYNC_ON_REASSIGNED -> null;
        };
    return use == null ? null : migrate.merge(use);
  }

  private SuggestedFix.Builder volatilePublish() {
    if (plan.shape() != Shape.REASSIGN_EMPTY && plan.shape() != Shape.REASSIGN_VALUE) {
      return null; // a volatile field alone does not make a clear or a refill atomic
    }
    TreePath field = plan.field() == null ? null : statement(plan.field().declaration());
    if (field == null || !(field.getLeaf() instanceof VariableTree variable)) {
      return null;
    }
    Set<Modifier> modifiers = variable.getModifiers().getFlags();
    if (modifiers.contains(Modifier.FINAL) || modifiers.contains(Modifier.VOLATILE)) {
      return null;
    }
    // Replacing a whole tree rather than inserting at a point: two findings on one field then
    // carry the same edit, which Error Prone applies once instead of writing `volatile` twice.
    String modifiersSource = state.getSourceForNode(variable.getModifiers());
    if (modifiersSource != null && !modifiersSource.isBlank()) {
      return SuggestedFix.builder().replace(variable.getModifiers(), modifiersSource + " volatile");
    }
    String type = state.getSourceForNode(variable.getType());
    return type == null
        ? null
        : SuggestedFix.builder().replace(variable.getType(), "volatile " + type);
  }

  // ---- SnapshotMap edits ----

  /**
   * {@code Map<K, V> m = new ConcurrentHashMap<>(..)} to {@code final SnapshotMap<K, V> m = new
   * SnapshotMap<>(..)}: only from a {@code ConcurrentHashMap} (same null and ordering behaviour),
   * and only for a field nothing reassigns (it becomes final).
   */
  private SuggestedFix.Builder migrateField(TreePath fieldPath) {
    VariableTree field = (VariableTree) fieldPath.getLeaf();
    Element element = trees.getElement(fieldPath);
    if (element == null
        || !(field.getInitializer() instanceof NewClassTree created)
        || created.getClassBody() != null
        || created.getArguments().size() > 1
        || isAssigned(element)) {
      return null;
    }
    TypeMirror createdType = trees.getTypeMirror(new TreePath(fieldPath, created));
    Types types = JavacTypes.instance(state.context);
    if (!isClass(createdType, "java.util.concurrent.ConcurrentHashMap")) {
      return null;
    }
    if (created.getArguments().size() == 1) {
      TypeMirror argument =
          trees.getTypeMirror(
              new TreePath(new TreePath(fieldPath, created), created.getArguments().get(0)));
      TypeElement map = JavacElements.instance(state.context).getTypeElement("java.util.Map");
      if (argument == null
          || !(argument.getKind() == TypeKind.INT
              || (map != null
                  && types.isSubtype(types.erasure(argument), types.erasure(map.asType()))))) {
        return null; // e.g. (capacity, loadFactor): SnapshotMap has no such constructor
      }
    }
    Tree base =
        field.getType() instanceof ParameterizedTypeTree parameterized
            ? parameterized.getType()
            : field.getType();
    Set<Modifier> modifiers = field.getModifiers().getFlags();
    boolean addFinal =
        !modifiers.contains(Modifier.FINAL) && !modifiers.contains(Modifier.VOLATILE);
    return SuggestedFix.builder()
        .replace(base, (addFinal ? "final " : "") + "SnapshotMap")
        .replace(created.getIdentifier(), "SnapshotMap<>")
        .addImport(SNAPSHOT_MAP);
  }

  /**
   * {@code for (E e : m.entrySet()) { use(e); m.remove(e.getKey()); }} to {@code for (E e :
   * m.drain().entrySet()) { use(e); }}: only when the body touches the map in that one removal.
   */
  private SuggestedFix.Builder drainLoop(Element field) {
    TreePath target = statement(plan.target());
    if (target == null
        || !(target.getLeaf() instanceof EnhancedForLoopTree loop)
        || !(skipParens(loop.getExpression()) instanceof MethodInvocationTree view)
        || !view.getArguments().isEmpty()
        || !(view.getMethodSelect() instanceof MemberSelectTree select)
        || !VIEWS.contains(select.getIdentifier().toString())
        || !refersTo(select.getExpression(), target, field)
        || !(loop.getStatement() instanceof BlockTree body)) {
      return null;
    }
    TreePath bodyPath = new TreePath(target, body);
    StatementTree removal = null;
    for (StatementTree statement : body.getStatements()) {
      if (!mentions(new TreePath(bodyPath, statement), field)) {
        continue;
      }
      if (removal != null || !isCall(statement, "remove")) {
        return null; // the body reads the map, which is empty once drained
      }
      removal = statement;
    }
    if (removal == null) {
      return null;
    }
    String map = state.getSourceForNode(select.getExpression());
    SuggestedFix.Builder fix =
        SuggestedFix.builder()
            .replace(loop.getExpression(), map + ".drain()." + select.getIdentifier() + "()");
    deleteStatement(fix, removal);
    return fix;
  }

  /** {@code m.clear(); m.putAll(x);} to {@code m.swap(x);} when the two are adjacent. */
  private SuggestedFix.Builder swapRefill(Element field) {
    TreePath clear = statement(plan.target());
    if (clear == null
        || plan.related().size() != 1
        || !(clear.getParentPath().getLeaf() instanceof BlockTree block)) {
      return null;
    }
    TreePath refill = statement(plan.related().get(0));
    int index = block.getStatements().indexOf((StatementTree) clear.getLeaf());
    if (refill == null
        || index < 0
        || index + 1 >= block.getStatements().size()
        || block.getStatements().get(index + 1) != refill.getLeaf()
        || !isCall((StatementTree) refill.getLeaf(), "putAll")) {
      return null;
    }
    MethodInvocationTree putAll =
        (MethodInvocationTree) ((ExpressionStatementTree) refill.getLeaf()).getExpression();
    if (putAll.getArguments().size() != 1) {
      return null;
    }
    ExpressionTree contents = putAll.getArguments().get(0);
    TreePath callPath =
        new TreePath(
            new TreePath(refill, ((ExpressionStatementTree) refill.getLeaf()).getExpression()),
            contents);
    if (mentions(callPath, field)) {
      return null; // `m.putAll(f(m))` reads the map the clear has just emptied
    }
    return SuggestedFix.builder()
        .replace(
            startOf(clear.getLeaf()),
            state.getEndPosition(refill.getLeaf()),
            plan.mapExpression() + ".swap(" + state.getSourceForNode(contents) + ");");
  }

  // ---- locating trees ----

  /** The outermost statement (or field) starting at each position the plan names. */
  private Map<Long, TreePath> statementsAt(FixPlan plan) {
    Map<Long, TreePath> wanted = new HashMap<>();
    wanted.put(plan.target().offset(), null);
    plan.related().forEach(p -> wanted.put(p.offset(), null));
    if (plan.field() != null) {
      wanted.put(plan.field().declaration().offset(), null);
    }
    SourcePositions positions = trees.getSourcePositions();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        if (tree instanceof StatementTree) {
          long start = positions.getStartPosition(unit, tree);
          if (wanted.containsKey(start) && wanted.get(start) == null) {
            wanted.put(start, new TreePath(getCurrentPath(), tree));
          }
        }
        return super.scan(tree, unused);
      }
    }.scan(unit, null);
    return wanted;
  }

  private TreePath statement(FixPlan.Position position) {
    return statements.get(position.offset());
  }

  private boolean isAssigned(Element field) {
    boolean[] assigned = {false};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree node, Void unused) {
        check(node.getVariable());
        return super.visitAssignment(node, unused);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree node, Void unused) {
        check(node.getVariable());
        return super.visitCompoundAssignment(node, unused);
      }

      private void check(ExpressionTree variable) {
        if (field.equals(trees.getElement(new TreePath(getCurrentPath(), variable)))) {
          assigned[0] = true;
        }
      }
    }.scan(unit, null);
    return assigned[0];
  }

  /** Whether any name inside the tree at {@code path} denotes {@code field}. */
  private boolean mentions(TreePath path, Element field) {
    boolean[] found = {false};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        found[0] |= field.equals(trees.getElement(getCurrentPath()));
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree node, Void unused) {
        found[0] |= field.equals(trees.getElement(getCurrentPath()));
        return super.visitMemberSelect(node, unused);
      }
    }.scan(path, null);
    return found[0];
  }

  /** Whether {@code expression} (a descendant of {@code context}'s leaf) is the field itself. */
  private boolean refersTo(ExpressionTree expression, TreePath context, Element field) {
    ExpressionTree e = skipParens(expression);
    if (!(e instanceof IdentifierTree) && !(e instanceof MemberSelectTree)) {
      return false;
    }
    TreePath[] found = {null};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        if (tree == e) {
          found[0] = new TreePath(getCurrentPath(), tree);
          return null;
        }
        return super.scan(tree, unused);
      }
    }.scan(context, null);
    return found[0] != null && field.equals(trees.getElement(found[0]));
  }

  // ---- small helpers ----

  private boolean isClass(TypeMirror type, String name) {
    if (type == null || type.getKind() != TypeKind.DECLARED) {
      return false;
    }
    Element element = JavacTypes.instance(state.context).asElement(type);
    return element instanceof TypeElement typeElement
        && typeElement.getQualifiedName().contentEquals(name);
  }

  private static boolean isLoopOrExpressionStatement(Tree tree) {
    return tree instanceof ExpressionStatementTree
        || tree instanceof EnhancedForLoopTree
        || tree instanceof ForLoopTree
        || tree instanceof WhileLoopTree
        || tree instanceof DoWhileLoopTree;
  }

  private static boolean isCall(StatementTree statement, String name) {
    return statement instanceof ExpressionStatementTree expression
        && expression.getExpression() instanceof MethodInvocationTree call
        && call.getMethodSelect() instanceof MemberSelectTree select
        && select.getIdentifier().contentEquals(name);
  }

  private static ExpressionTree skipParens(ExpressionTree tree) {
    ExpressionTree e = tree;
    while (e instanceof ParenthesizedTree parens) {
      e = parens.getExpression();
    }
    return e;
  }

  private int startOf(Tree tree) {
    return (int) trees.getSourcePositions().getStartPosition(unit, tree);
  }

  /** Deletes a statement, and its whole line when nothing else is on it. */
  private void deleteStatement(SuggestedFix.Builder fix, Tree statement) {
    CharSequence source = state.getSourceCode();
    int start = startOf(statement);
    int end = state.getEndPosition(statement);
    if (source == null || start < 0 || end < start) {
      fix.delete(statement);
      return;
    }
    int lineStart = start;
    while (lineStart > 0 && isBlank(source.charAt(lineStart - 1))) {
      lineStart--;
    }
    int lineEnd = end;
    while (lineEnd < source.length() && isBlank(source.charAt(lineEnd))) {
      lineEnd++;
    }
    boolean ownLine =
        (lineStart == 0 || source.charAt(lineStart - 1) == '\n')
            && (lineEnd == source.length()
                || source.charAt(lineEnd) == '\n'
                || source.charAt(lineEnd) == '\r');
    if (!ownLine) {
      fix.delete(statement);
      return;
    }
    if (lineEnd < source.length() && source.charAt(lineEnd) == '\r') {
      lineEnd++;
    }
    if (lineEnd < source.length() && source.charAt(lineEnd) == '\n') {
      lineEnd++;
    }
    fix.replace(lineStart, lineEnd, "");
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }
}
