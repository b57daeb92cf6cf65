package dev.clearguard.checker.fix;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.clearguard.rules.FieldRewrite;
import dev.clearguard.rules.FixPlan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A field's nodes in the parsed file, found by javac's start offsets ({@link FieldRewrite}): the
 * declaration and every reference. JavaParser only turns those offsets into node ranges; which
 * expression is the field was decided by javac.
 */
final class FieldNodes {
  final FieldDeclaration declaration;
  final VariableDeclarator variable;
  final String name;
  final FieldRewrite rewrite;
  final List<Expression> refs = new ArrayList<>();
  private final CompilationUnit unit;
  private final SourceText text;

  private FieldNodes(
      CompilationUnit unit,
      SourceText text,
      FieldDeclaration declaration,
      VariableDeclarator variable,
      FieldRewrite rewrite) {
    this.unit = unit;
    this.text = text;
    this.declaration = declaration;
    this.variable = variable;
    this.name = variable.getNameAsString();
    this.rewrite = rewrite;
    Set<Long> starts = new HashSet<>(rewrite.references());
    for (Expression e : unit.findAll(Expression.class)) {
      if (names(e) && starts.contains((long) text.begin(e))) {
        refs.add(e);
      }
    }
  }

  /** The field of a plan in the parsed file, or null when it is not there. */
  static FieldNodes locate(CompilationUnit unit, SourceText text, FixPlan plan) {
    FixPlan.FieldRef ref = plan.field();
    if (plan.rewrite() == null) {
      return null;
    }
    long offset = ref.declaration().offset();
    for (FieldDeclaration declaration : unit.findAll(FieldDeclaration.class)) {
      if (text.begin(declaration) <= offset && offset < text.end(declaration)) {
        for (VariableDeclarator v : declaration.getVariables()) {
          if (v.getNameAsString().equals(ref.name())) {
            return new FieldNodes(unit, text, declaration, v, plan.rewrite());
          }
        }
      }
    }
    return null;
  }

  /**
   * Whether the node is a name that can be the field: {@code m}, {@code this.m}, {@code m::put}.
   */
  private boolean names(Expression e) {
    if (e instanceof NameExpr n) {
      return n.getNameAsString().equals(name);
    }
    if (e instanceof FieldAccessExpr access) {
      return access.getNameAsString().equals(name);
    }
    // `m::put`: JavaParser cannot tell a variable from a type before `::` and parses a type
    return e instanceof TypeExpr t
        && t.getType() instanceof ClassOrInterfaceType c
        && c.getNameAsString().equals(name);
  }

  /**
   * The same node of this file's tree. JavaParser's {@code equals} compares structure, so two
   * identical statements of one block would be "equal"; the fixer means this very node.
   */
  @SuppressWarnings("ReferenceEquality") // identity is the point, see above
  static boolean same(Node a, Node b) {
    return a == b;
  }

  boolean isRef(Expression e) {
    Expression bare = unwrap(e);
    return refs.stream().anyMatch(r -> same(r, bare));
  }

  boolean usedIn(Statement s) {
    return s.findAll(Expression.class).stream().anyMatch(this::isRef);
  }

  /** The assignment javac found at {@code assignment}'s start, or null. */
  AssignExpr assignment(FieldRewrite.Assignment assignment) {
    for (AssignExpr a : unit.findAll(AssignExpr.class)) {
      if (text.begin(a) == assignment.start() && isRef(a.getTarget())) {
        return a;
      }
    }
    return null;
  }

  /** The assignment of the rewrite that a statement consists of, or null. */
  FieldRewrite.Assignment assignmentAt(Statement statement) {
    for (FieldRewrite.Assignment a : rewrite.assignments()) {
      AssignExpr node = assignment(a);
      if (node != null && same(node.getParentNode().orElse(null), statement)) {
        return a;
      }
    }
    return null;
  }

  ClassOrInterfaceType type() {
    return variable.getType() instanceof ClassOrInterfaceType t ? t : null;
  }

  String typeArguments() {
    ClassOrInterfaceType t = type();
    if (t == null || t.getTypeArguments().isEmpty()) {
      return "";
    }
    return text.text.substring(text.end(t.getName()), text.end(t));
  }

  /** The statement that starts at a javac start offset. */
  static Statement statementAt(CompilationUnit unit, SourceText text, long offset) {
    for (Statement s : unit.findAll(Statement.class)) {
      if (!(s instanceof BlockStmt) && text.begin(s) == offset) {
        return s;
      }
    }
    return null;
  }

  static Expression unwrap(Expression e) {
    Expression x = e;
    while (x instanceof EnclosedExpr enclosed) {
      x = enclosed.getInner();
    }
    return x;
  }
}
