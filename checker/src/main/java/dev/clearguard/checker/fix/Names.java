package dev.clearguard.checker.fix;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which declaration a name in the source means, decided from the syntax alone (the fixer has no
 * symbol table): enough to tell the migrated field from a local or parameter that shadows it, and
 * to say "unknown" whenever the syntax cannot tell.
 */
final class Names {
  /** What a name refers to, as far as the syntax shows. */
  enum Ref {
    FIELD,
    OTHER,
    UNKNOWN
  }

  private Names() {}

  /** The class body a field belongs to: a type declaration or an anonymous class. */
  static Node owner(FieldDeclaration field) {
    return field.getParentNode().orElse(null);
  }

  /** Whether {@code e} names field {@code name} of the class body {@code owner}. */
  static Ref resolve(Expression e, String name, Node owner, boolean isStatic) {
    if (e instanceof NameExpr n && n.getNameAsString().equals(name)) {
      return resolveSimple(n, name, owner);
    }
    // `m::put`: JavaParser cannot tell a variable from a type before `::` and parses a type
    if (e instanceof TypeExpr t
        && t.getParentNode().orElse(null) instanceof MethodReferenceExpr
        && t.getType() instanceof ClassOrInterfaceType c
        && c.getScope().isEmpty()
        && c.getTypeArguments().isEmpty()
        && c.getNameAsString().equals(name)) {
      return resolveSimple(t, name, owner);
    }
    if (e instanceof FieldAccessExpr access && access.getNameAsString().equals(name)) {
      Expression scope = access.getScope();
      if (scope instanceof ThisExpr self) {
        if (self.getTypeName().isEmpty()) {
          return enclosingBody(access) == owner ? Ref.FIELD : Ref.OTHER;
        }
        return self.getTypeName().get().getIdentifier().equals(simpleName(owner))
            ? Ref.FIELD
            : Ref.OTHER;
      }
      if (scope instanceof NameExpr type && type.getNameAsString().equals(simpleName(owner))) {
        return isStatic && resolveSimple(type, type.getNameAsString(), null) != Ref.OTHER
            ? Ref.FIELD
            : Ref.UNKNOWN;
      }
      return Ref.UNKNOWN;
    }
    return Ref.OTHER;
  }

  static String simpleName(Node owner) {
    return owner instanceof TypeDeclaration<?> type ? type.getNameAsString() : null;
  }

  /** The innermost class body around a node. */
  static Node enclosingBody(Node node) {
    Node child = node;
    for (Node p = node.getParentNode().orElse(null);
        p != null;
        p = p.getParentNode().orElse(null)) {
      if (p instanceof TypeDeclaration<?>) {
        return p;
      }
      if (p instanceof ObjectCreationExpr created && inAnonymousBody(created, child)) {
        return p;
      }
      child = p;
    }
    return null;
  }

  /**
   * Walks outwards from a simple name through the scopes that can declare a variable of the same
   * name, up to the class body that declares the field.
   */
  private static Ref resolveSimple(Expression n, String name, Node owner) {
    int at = n.getBegin().map(p -> p.line * 100_000 + p.column).orElse(0);
    Node child = n;
    for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (p == owner) {
        return Ref.FIELD;
      }
      if (p instanceof TypeDeclaration<?> type) {
        if (declaresField(type.getMembers(), name)
            || (type instanceof RecordDeclaration record
                && record.getParameters().stream().anyMatch(x -> named(x, name)))) {
          return Ref.OTHER;
        }
      } else if (p instanceof ObjectCreationExpr created && inAnonymousBody(created, child)) {
        if (declaresField(created.getAnonymousClassBody().get(), name)) {
          return Ref.OTHER;
        }
      } else if (p instanceof CallableDeclaration<?> callable) {
        if (callable.getParameters().stream().anyMatch(x -> named(x, name))) {
          return Ref.OTHER;
        }
        if (hasPattern(p, name)) {
          return Ref.UNKNOWN;
        }
      } else if (p instanceof LambdaExpr lambda) {
        if (lambda.getParameters().stream().anyMatch(x -> named(x, name))) {
          return Ref.OTHER;
        }
      } else if (p instanceof CatchClause clause) {
        if (named(clause.getParameter(), name)) {
          return Ref.OTHER;
        }
      } else if (p instanceof ForStmt loop) {
        for (Expression init : loop.getInitialization()) {
          if (declares(init, name)) {
            return Ref.OTHER;
          }
        }
      } else if (p instanceof ForEachStmt loop) {
        if (child != loop.getIterable() && declares(loop.getVariable(), name)) {
          return Ref.OTHER;
        }
      } else if (p instanceof TryStmt attempt) {
        for (Expression resource : attempt.getResources()) {
          if (resource != child && declares(resource, name)) {
            return Ref.OTHER;
          }
        }
      } else if (p instanceof BlockStmt || p instanceof SwitchEntry) {
        NodeList<Statement> statements =
            p instanceof BlockStmt block
                ? block.getStatements()
                : ((SwitchEntry) p).getStatements();
        for (Statement s : statements) {
          int begin = s.getBegin().map(q -> q.line * 100_000 + q.column).orElse(Integer.MAX_VALUE);
          if (begin < at
              && s instanceof ExpressionStmt statement
              && declares(statement.getExpression(), name)) {
            return Ref.OTHER;
          }
        }
      }
      child = p;
    }
    return owner == null ? Ref.UNKNOWN : Ref.OTHER;
  }

  private static boolean inAnonymousBody(ObjectCreationExpr created, Node child) {
    return created.getAnonymousClassBody().isPresent()
        && created.getAnonymousClassBody().get().stream().anyMatch(m -> m == child);
  }

  private static boolean hasPattern(Node scope, String name) {
    return scope.findAll(TypePatternExpr.class).stream()
        .anyMatch(x -> x.getNameAsString().equals(name));
  }

  private static boolean declaresField(NodeList<BodyDeclaration<?>> members, String name) {
    for (BodyDeclaration<?> member : members) {
      if (member instanceof FieldDeclaration field
          && field.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(name))) {
        return true;
      }
    }
    return false;
  }

  private static boolean named(Parameter parameter, String name) {
    return parameter.getNameAsString().equals(name);
  }

  private static boolean declares(Expression e, String name) {
    return e instanceof VariableDeclarationExpr declaration
        && declaration.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(name));
  }

  /**
   * The declared type of the local variable or parameter {@code n} names, when the declaration
   * precedes it in an enclosing method or lambda.
   */
  static Optional<Type> localType(NameExpr n) {
    String name = n.getNameAsString();
    int at = n.getBegin().map(p -> p.line * 100_000 + p.column).orElse(0);
    Node child = n;
    for (Node p = n.getParentNode().orElse(null);
        p != null;
        child = p, p = p.getParentNode().orElse(null)) {
      if (p instanceof TypeDeclaration<?>
          || (p instanceof ObjectCreationExpr created && inAnonymousBody(created, child))) {
        return Optional.empty();
      }
      if (p instanceof CallableDeclaration<?> callable) {
        for (Parameter parameter : callable.getParameters()) {
          if (named(parameter, name)) {
            return Optional.of(parameter.getType());
          }
        }
      }
      if (p instanceof LambdaExpr lambda) {
        for (Parameter parameter : lambda.getParameters()) {
          if (named(parameter, name)) {
            return parameter.getType().isUnknownType()
                ? Optional.empty()
                : Optional.of(parameter.getType());
          }
        }
      }
      if (p instanceof BlockStmt block) {
        for (Statement s : block.getStatements()) {
          int begin = s.getBegin().map(q -> q.line * 100_000 + q.column).orElse(Integer.MAX_VALUE);
          if (begin < at
              && s instanceof ExpressionStmt statement
              && statement.getExpression() instanceof VariableDeclarationExpr declaration) {
            for (VariableDeclarator v : declaration.getVariables()) {
              if (v.getNameAsString().equals(name)) {
                return v.getType().isVarType() ? Optional.empty() : Optional.of(v.getType());
              }
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Every identifier used in the member around {@code node}, to pick a new local's name. */
  static Set<String> identifiersAround(Node node) {
    Node scope = node;
    for (Node p = node; p != null; p = p.getParentNode().orElse(null)) {
      scope = p;
      if (p instanceof BodyDeclaration<?>) {
        break;
      }
    }
    Set<String> names = new HashSet<>();
    scope
        .findAll(com.github.javaparser.ast.expr.SimpleName.class)
        .forEach(s -> names.add(s.getIdentifier()));
    return names;
  }
}
