package dev.clearguard.checker.fix;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.clearguard.checker.fix.FixResult.Edit;
import dev.clearguard.rules.FieldRewrite;
import dev.clearguard.rules.FixPlan;
import dev.clearguard.rules.FixPlan.Shape;
import dev.clearguard.rules.FixPlan.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The statement rewrites of each shape of finding: a clear loop or call becomes {@code m.clear()},
 * a drain loop iterates {@code m.drain()}, a clear-then-refill builds the new contents aside and
 * publishes them in one step. Each is a template over the positions of the fix plan; a rewrite that
 * does not fit the code says why and changes nothing.
 */
final class ShapeRewrites {
  static final String CONCURRENT_HASH_MAP = "java.util.concurrent.ConcurrentHashMap";

  private final CompilationUnit unit;
  private final SourceText text;

  ShapeRewrites(CompilationUnit unit, SourceText text) {
    this.unit = unit;
    this.text = text;
  }

  private Statement statementAt(long offset) {
    return FieldNodes.statementAt(unit, text, offset);
  }

  /** {@code m.clear();} in place of the loop or call, and the loop's iterator declaration gone. */
  String clearEdits(FixPlan plan, Statement target, List<Edit> edits) {
    boolean loop =
        target instanceof ForEachStmt || target instanceof ForStmt || target instanceof WhileStmt;
    if (plan.shape() == Shape.CLEAR_LOOP
        ? !loop
        : !(target instanceof ExpressionStmt s && s.getExpression() instanceof MethodCallExpr)) {
      return "the reported code is not a statement of its own";
    }
    Optional<Expression> map = Fixer.parser().parseExpression(plan.mapExpression()).getResult();
    if (map.isEmpty()
        || !(map.get() instanceof NameExpr || map.get() instanceof FieldAccessExpr)
        || !plan.mapExpression().equals(map.get().toString())) {
      return "the map expression `" + plan.mapExpression() + "` cannot be repeated safely";
    }
    edits.add(
        Edit.planned(text.begin(target), text.end(target), plan.mapExpression() + ".clear();"));
    for (FixPlan.Position related : plan.related()) {
      Statement declaration = statementAt(related.offset());
      if (!(declaration instanceof ExpressionStmt s
          && s.getExpression() instanceof com.github.javaparser.ast.expr.VariableDeclarationExpr d
          && d.getVariables().size() == 1)) {
        return "the iterator's declaration was not found";
      }
      String iterator = d.getVariable(0).getNameAsString();
      if (usedAfter(target, iterator)) {
        return "the iterator is used after the loop";
      }
      edits.add(text.deletion(declaration));
    }
    return null;
  }

  private boolean usedAfter(Statement statement, String name) {
    if (!(statement.getParentNode().orElse(null) instanceof BlockStmt block)) {
      return true;
    }
    boolean after = false;
    for (Statement s : block.getStatements()) {
      if (after
          && s.findAll(NameExpr.class).stream().anyMatch(n -> n.getNameAsString().equals(name))) {
        return true;
      }
      after |= FieldNodes.same(s, statement);
    }
    return false;
  }

  /**
   * {@code for (E e : m.view())} with {@code m.remove(..)} in the body becomes {@code for (E e :
   * m.drain().view())} without it: the entries are detached atomically, then processed.
   */
  String drainEdits(FieldNodes field, FixPlan plan, Statement target, List<Edit> edits) {
    if (!(target instanceof ForEachStmt loop) || !(loop.getBody() instanceof BlockStmt body)) {
      return "only an enhanced for loop over the map is rewritten to drain()";
    }
    // javac found the view call and the removal (Removals): [view, removal]
    MethodCallExpr view =
        plan.related().size() == 2 ? callAt(loop.getIterable(), plan.related().get(0)) : null;
    if (view == null || view.getScope().isEmpty() || !field.isRef(view.getScope().get())) {
      return "the loop does not iterate a view of the field";
    }
    Statement removal = statementAt(plan.related().get(1).offset());
    if (removal == null || !FieldNodes.same(removal.getParentNode().orElse(null), body)) {
      return "the removal is not a statement of the loop body";
    }
    for (Statement s : body.getStatements()) {
      if (!FieldNodes.same(s, removal) && field.usedIn(s)) {
        return "the loop body uses the map for more than removing the entry";
      }
    }
    Expression receiver = view.getScope().orElseThrow();
    edits.add(
        Edit.planned(
            text.begin(view),
            text.end(view),
            text.of(receiver) + ".drain()." + view.getNameAsString() + "()"));
    edits.add(text.deletion(removal));
    return null;
  }

  /**
   * The innermost call in {@code scope} that starts at a javac start position: {@code m.keySet()}.
   */
  private MethodCallExpr callAt(Expression scope, FixPlan.Position at) {
    MethodCallExpr found = null;
    for (MethodCallExpr call : scope.findAll(MethodCallExpr.class)) {
      if (text.begin(call) == at.offset() && (found == null || text.end(call) < text.end(found))) {
        found = call;
      }
    }
    return found;
  }

  /**
   * {@code m.clear(); <refill m>} becomes {@code Map<K, V> freshM = new HashMap<>(); <refill
   * freshM>; m.swap(freshM);} (or {@code m = freshM;} for a volatile field); {@code m.clear();
   * m.putAll(x);} becomes {@code m.swap(x);}.
   */
  String refillEdits(
      FieldNodes field,
      FixPlan plan,
      Statement clear,
      Strategy strategy,
      List<Edit> edits,
      Set<String> imports) {
    if (!(clear instanceof ExpressionStmt clearStatement)
        || !(clearStatement.getExpression() instanceof MethodCallExpr clearCall)
        || !clearCall.getNameAsString().equals("clear")
        || clearCall.getScope().isEmpty()
        || !field.isRef(clearCall.getScope().get())) {
      return "the cleared map is not the field of this object";
    }
    if (!(clear.getParentNode().orElse(null) instanceof BlockStmt block)) {
      return "the clear() is a branch of its own, not a statement of a block (an if without braces)";
    }
    String map = text.of(clearCall.getScope().get());
    List<Statement> refill = new ArrayList<>();
    for (FixPlan.Position p : plan.related()) {
      Statement s = statementAt(p.offset());
      if (s == null || !FieldNodes.same(s.getParentNode().orElse(null), block)) {
        return "the refill was not found next to the clear()";
      }
      refill.add(s);
    }
    List<Statement> statements = block.getStatements();
    int from = indexOf(statements, clear);
    int to = refill.stream().mapToInt(s -> indexOf(statements, s)).max().orElse(-1);
    if (refill.isEmpty() || refill.stream().anyMatch(s -> indexOf(statements, s) <= from)) {
      return "the refill does not follow the clear()";
    }
    for (int i = from + 1; i < to; i++) {
      Statement between = statements.get(i);
      if (indexOf(refill, between) < 0
          && between.findAll(Expression.class).stream().anyMatch(field::isRef)) {
        return "code between clear() and the refill uses the map";
      }
    }
    String builder;
    String localType;
    if (strategy == Strategy.SNAPSHOT_MAP) {
      localType = SourceText.typeName(unit, "java.util.Map", imports) + field.typeArguments();
      builder = SourceText.typeName(unit, "java.util.HashMap", imports);
    } else {
      localType = text.of(field.variable.getType());
      builder = concurrentBuilder(field, imports);
      if (builder == null) {
        return "which concurrent map class to build is unclear";
      }
    }
    // `m.clear(); m.putAll(x);` is one swap
    if (refill.size() == 1
        && to == from + 1
        && refill.get(0) instanceof ExpressionStmt only
        && only.getExpression() instanceof MethodCallExpr putAll
        && putAll.getNameAsString().equals("putAll")
        && putAll.getArguments().size() == 1
        && putAll.getScope().isPresent()
        && field.isRef(putAll.getScope().get())
        && putAll.getArgument(0).findAll(Expression.class).stream().noneMatch(field::isRef)) {
      String contents = text.of(putAll.getArgument(0));
      String replacement =
          strategy == Strategy.SNAPSHOT_MAP
              ? map + ".swap(" + contents + ");"
              : builder.equals("ConcurrentHashMap") || builder.equals(CONCURRENT_HASH_MAP)
                  ? map + " = new " + builder + "<>(" + contents + ");"
                  : null;
      if (replacement != null) {
        imports.removeIf(i -> i.equals("java.util.Map") || i.equals("java.util.HashMap"));
        edits.add(Edit.planned(text.begin(clear), text.end(clear), replacement));
        edits.add(text.deletion(only));
        return null;
      }
    }
    Set<String> taken = identifiersAround(clear);
    String base = "fresh" + Character.toUpperCase(field.name.charAt(0)) + field.name.substring(1);
    String fresh = base;
    for (int i = 2; taken.contains(fresh); i++) {
      fresh = base + i;
    }
    edits.add(
        Edit.planned(
            text.begin(clear),
            text.end(clear),
            localType + " " + fresh + " = new " + builder + "<>();"));
    for (Statement s : refill) {
      for (Expression e : s.findAll(Expression.class)) {
        if (indexOf(field.refs, e) >= 0 && !insideRef(field, e)) {
          edits.add(Edit.planned(text.begin(e), text.end(e), fresh));
        }
      }
    }
    Statement last = statements.get(to);
    String publish =
        strategy == Strategy.SNAPSHOT_MAP
            ? map + ".swap(" + fresh + ");"
            : map + " = " + fresh + ";";
    edits.add(text.insertionAfter(last, text.indentation(text.begin(clear)), publish));
    return null;
  }

  /**
   * Whether {@code e} is the qualifier of a bigger reference, e.g. {@code this} of {@code this.m}.
   */
  private static boolean insideRef(FieldNodes field, Expression e) {
    for (Node p = e.getParentNode().orElse(null);
        p instanceof Expression x;
        p = x.getParentNode().orElse(null)) {
      if (indexOf(field.refs, x) >= 0) {
        return true;
      }
      if (!(x instanceof FieldAccessExpr)) {
        return false;
      }
    }
    return false;
  }

  /**
   * The class to build a volatile field's new contents in, written as this file can name it: the
   * class javac chose ({@link FieldRewrite#refillBuilder()}).
   */
  private String concurrentBuilder(FieldNodes field, Set<String> imports) {
    return switch (field.rewrite.refillBuilder()) {
      case INITIALIZER_CLASS -> {
        ObjectCreationExpr created =
            (ObjectCreationExpr) FieldNodes.unwrap(field.variable.getInitializer().orElseThrow());
        String written = text.of(created.getType());
        int generic = written.indexOf('<');
        yield generic < 0 ? written : written.substring(0, generic).strip();
      }
      case CONCURRENT_HASH_MAP -> SourceText.typeName(unit, CONCURRENT_HASH_MAP, imports);
      case NONE -> null;
    };
  }

  /**
   * A volatile write publishes the assigned map safely only if nothing changes it afterwards:
   * {@code m = new HashMap<>(); m.put(..)} would publish a map still being filled (javac's answer,
   * {@link FieldRewrite.Assignment#filledAfter()}).
   */
  String publishesComplete(FieldNodes field, Statement statement) {
    FieldRewrite.Assignment assignment = field.assignmentAt(statement);
    if (assignment == null || !assignment.inBlock()) {
      return "the assignment is not a statement of its own";
    }
    return assignment.filledAfter() ? "the map is still filled after it is assigned" : null;
  }

  /** Every identifier used in the member around {@code node}, to pick a new local's name. */
  private static Set<String> identifiersAround(Node node) {
    Node scope = node;
    for (Node p = node; p != null; p = p.getParentNode().orElse(null)) {
      scope = p;
      if (p instanceof com.github.javaparser.ast.body.BodyDeclaration<?>) {
        break;
      }
    }
    Set<String> names = new java.util.HashSet<>();
    scope
        .findAll(com.github.javaparser.ast.expr.SimpleName.class)
        .forEach(s -> names.add(s.getIdentifier()));
    return names;
  }

  /** The position of a node in a list, by identity: JavaParser nodes are equal by structure. */
  private static int indexOf(List<? extends Node> nodes, Node node) {
    for (int i = 0; i < nodes.size(); i++) {
      if (FieldNodes.same(nodes.get(i), node)) {
        return i;
      }
    }
    return -1;
  }
}
