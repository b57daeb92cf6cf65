package dev.clearguard.checker.fix;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.clearguard.checker.fix.FixResult.Edit;
import dev.clearguard.rules.FieldRewrite;
import dev.clearguard.rules.FieldRewrite.ValueKind;
import dev.clearguard.rules.facts.ClassFacts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The declaration edits of a field's migration, to a final SnapshotMap or to a volatile field, and
 * the rewrite of every assignment a SnapshotMap needs. Whether the migration is safe was decided in
 * {@code rules} ({@link FieldRewrite#snapshotMap()}, {@link FieldRewrite#volatilePublish()}); this
 * class only writes it.
 */
final class FieldMigration {
  private final CompilationUnit unit;
  private final SourceText text;

  FieldMigration(CompilationUnit unit, SourceText text) {
    this.unit = unit;
    this.text = text;
  }

  /** Plans {@code final SnapshotMap<K, V>} and the rewrite of every assignment, or says why not. */
  String snapshotMap(
      FieldNodes field, List<Edit> edits, Map<Statement, Edit> assignments, Set<String> imports) {
    FieldRewrite.Verdict verdict = field.rewrite.snapshotMap();
    if (!verdict.safe()) {
      return verdict.reason();
    }
    ClassOrInterfaceType type = field.type();
    if (type == null) {
      return "the field is not declared as Map or ConcurrentMap";
    }
    String snapshot = SourceText.typeName(unit, ClassFacts.SNAPSHOT_MAP, imports);
    for (FieldRewrite.Assignment a : field.rewrite.assignments()) {
      AssignExpr node = field.assignment(a);
      if (node == null
          || !(node.getParentNode().orElse(null) instanceof ExpressionStmt statement)) {
        return "an assignment to the field was not found";
      }
      String target = text.of(node.getTarget());
      String replacement =
          switch (a.value().kind()) {
            case EMPTY -> target + ".clear();";
            case COPY_OF ->
                target
                    + ".swap("
                    + text.of(
                        ((ObjectCreationExpr) FieldNodes.unwrap(node.getValue())).getArgument(0))
                    + ");";
            default -> target + ".swap(" + text.of(node.getValue()) + ");";
          };
      assignments.put(
          statement, Edit.planned(text.begin(statement), text.end(statement), replacement));
    }
    // the type: `Map` or `java.util.Map` becomes `SnapshotMap`; the type arguments stay as written
    edits.add(Edit.planned(text.begin(type), text.end(type.getName()), snapshot));
    Modifier volatileModifier = modifier(field.declaration, Modifier.Keyword.VOLATILE);
    if (volatileModifier != null) {
      edits.add(removal(volatileModifier));
    }
    if (!field.declaration.isFinal()) {
      edits.add(insertModifier(field, "final"));
    }
    Optional<Expression> init = field.variable.getInitializer();
    if (init.isEmpty()) {
      int at = text.end(field.variable.getName());
      edits.add(Edit.planned(at, at, " = new " + snapshot + "<>()"));
    } else {
      edits.add(
          Edit.planned(
              text.begin(init.get()),
              text.end(init.get()),
              initializer(init.get(), field.rewrite.initializer().kind(), snapshot)));
    }
    return null;
  }

  /**
   * The SnapshotMap that replaces the initial map: a new unordered map keeps its one argument (a
   * capacity or the map copied), an empty one becomes an empty SnapshotMap, any other value is
   * copied in.
   */
  private String initializer(Expression initializer, ValueKind kind, String snapshot) {
    Expression value = FieldNodes.unwrap(initializer);
    if (value instanceof ObjectCreationExpr created) {
      return created.getArguments().size() == 1
          ? "new " + snapshot + "<>(" + text.of(created.getArgument(0)) + ")"
          : "new " + snapshot + "<>()";
    }
    return kind == ValueKind.EMPTY
        ? "new " + snapshot + "<>()"
        : "new " + snapshot + "<>(" + text.of(initializer) + ")";
  }

  /** Plans {@code volatile} on the field, or says why not. */
  String volatilePublish(FieldNodes field, List<Edit> edits) {
    FieldRewrite.Verdict verdict = field.rewrite.volatilePublish();
    if (!verdict.safe()) {
      return verdict.reason();
    }
    Modifier finalModifier = modifier(field.declaration, Modifier.Keyword.FINAL);
    if (finalModifier != null) {
      edits.add(Edit.planned(text.begin(finalModifier), text.end(finalModifier), "volatile"));
    } else if (!field.declaration.isVolatile()) {
      edits.add(insertModifier(field, "volatile"));
    }
    return null;
  }

  private static Modifier modifier(FieldDeclaration declaration, Modifier.Keyword keyword) {
    for (Modifier m : declaration.getModifiers()) {
      if (m.getKeyword() == keyword) {
        return m;
      }
    }
    return null;
  }

  /** Removes a modifier and the blanks after it. */
  private Edit removal(Modifier modifier) {
    int start = text.begin(modifier);
    int end = text.end(modifier);
    while (end < text.text.length()
        && (text.text.charAt(end) == ' ' || text.text.charAt(end) == '\t')) {
      end++;
    }
    return Edit.planned(start, end, "");
  }

  /**
   * Inserts {@code final} or {@code volatile} after the access and {@code static} modifiers, where
   * google-java-format's canonical order puts it.
   */
  private Edit insertModifier(FieldNodes field, String keyword) {
    Modifier last = null;
    for (Modifier m : field.declaration.getModifiers()) {
      switch (m.getKeyword()) {
        case PUBLIC, PROTECTED, PRIVATE, STATIC, FINAL -> last = m;
        default -> {}
      }
    }
    if (last != null) {
      int at = text.end(last);
      return Edit.planned(at, at, " " + keyword);
    }
    Modifier first =
        field.declaration.getModifiers().isEmpty() ? null : field.declaration.getModifiers().get(0);
    int at = first != null ? text.begin(first) : text.begin(field.variable.getType());
    return Edit.planned(at, at, keyword + " ");
  }
}
