package dev.clearguard.checker.fix;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.clearguard.checker.fix.Names.Ref;
import dev.clearguard.checker.fix.SourceText.Edit;
import dev.clearguard.rules.Finding;
import dev.clearguard.rules.FixPlan;
import dev.clearguard.rules.FixPlan.Shape;
import dev.clearguard.rules.FixPlan.Strategy;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies findings' fix plans to a source file: javac found the problems, JavaParser locates the
 * code again by the findings' start offsets and the fixer splices the rewritten statements and
 * declarations into the original text.
 *
 * <p>All findings on one field are fixed together: the field is migrated once (to a final
 * SnapshotMap, or to a volatile field), and every assignment to it in the file is rewritten, or
 * none is and the findings stay manual.
 */
public final class Fixer {
  static final String SNAPSHOT_MAP = "dev.clearguard.runtime.SnapshotMap";
  static final String CONCURRENT_HASH_MAP = "java.util.concurrent.ConcurrentHashMap";

  /** Map classes whose contents a SnapshotMap holds without changing behaviour: no order. */
  private static final Set<String> UNORDERED = Set.of("ConcurrentHashMap", "HashMap", "Hashtable");

  private static final Set<String> MAP_TYPES =
      Set.of(
          "Map",
          "HashMap",
          "ConcurrentMap",
          "ConcurrentHashMap",
          "TreeMap",
          "LinkedHashMap",
          "SortedMap",
          "NavigableMap",
          "ConcurrentSkipListMap",
          "ConcurrentNavigableMap",
          "SnapshotMap",
          "Hashtable");

  private static final Set<String> MUTATORS =
      Set.of(
          "put",
          "putAll",
          "putIfAbsent",
          "remove",
          "clear",
          "compute",
          "computeIfAbsent",
          "computeIfPresent",
          "merge",
          "replace",
          "replaceAll");

  private final String path;
  private final String source;
  private final List<Finding> findings;
  private final Map<Finding, FixResult.Outcome> outcomes = new LinkedHashMap<>();
  private SourceText text;
  private CompilationUnit unit;

  private Fixer(String path, String source, List<Finding> findings) {
    this.path = path;
    this.source = source;
    this.findings = findings;
  }

  /**
   * Rewrites {@code source} (the text of the file at {@code path}) so that every finding that has a
   * safe automatic fix is fixed. Never throws: a finding it cannot fix is reported as manual.
   */
  public static FixResult fix(String path, String source, List<Finding> findings) {
    List<Finding> given = findings == null ? List.of() : List.copyOf(findings);
    String text = source == null ? "" : source;
    try {
      return new Fixer(path, text, given).run();
    } catch (RuntimeException | StackOverflowError e) {
      List<FixResult.Outcome> manual = new ArrayList<>();
      for (Finding f : given) {
        manual.add(new FixResult.Outcome(f, null, "the fixer failed on this file: " + e));
      }
      return new FixResult(path, text, text, manual, List.of());
    }
  }

  /** The parser configuration: Java 25 syntax, so that current sources parse. */
  static JavaParser parser() {
    return new JavaParser(
        new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_25));
  }

  private FixResult run() {
    ParseResult<CompilationUnit> parsed = parser().parse(source);
    if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
      for (Finding f : findings) {
        manual(f, "JavaParser could not parse the file");
      }
      return result(source, List.of());
    }
    unit = parsed.getResult().get();
    text = new SourceText(source);

    Map<String, List<Finding>> byField = new LinkedHashMap<>();
    List<Finding> alone = new ArrayList<>();
    for (Finding f : findings) {
      if (!sameFile(f.file())) {
        manual(f, "the finding is in another file");
      } else if (f.fixPlan().strategies().isEmpty()) {
        manual(f, "no automatic fix applies");
      } else if (f.fixPlan().field() != null) {
        FixPlan.FieldRef ref = f.fixPlan().field();
        byField.computeIfAbsent(ref.owner() + "#" + ref.name(), k -> new ArrayList<>()).add(f);
      } else {
        alone.add(f);
      }
    }
    for (List<Finding> group : byField.values()) {
      fixField(group);
    }
    for (Finding f : alone) {
      minimalOrManual(f, "the map is not a field of this class");
    }
    List<FixResult.Edit> edits = text.hasEdits() ? text.edits(unit) : List.of();
    return result(edits.isEmpty() ? source : FixResult.Edit.apply(source, edits), edits);
  }

  private FixResult result(String fixed, List<FixResult.Edit> edits) {
    List<FixResult.Outcome> list = new ArrayList<>();
    for (Finding f : findings) {
      FixResult.Outcome o = outcomes.get(f);
      list.add(o != null ? o : new FixResult.Outcome(f, null, "no automatic fix applies"));
    }
    return new FixResult(path, source, fixed, list, edits);
  }

  /** The positions of a finding in the list given, which name it in {@link FixResult#edits()}. */
  private Set<Integer> indexes(Finding f) {
    Set<Integer> out = new TreeSet<>();
    for (int i = 0; i < findings.size(); i++) {
      if (findings.get(i).equals(f)) {
        out.add(i);
      }
    }
    return out;
  }

  private boolean sameFile(String file) {
    if (path == null || file == null || file.equals(path)) {
      return true;
    }
    try {
      return Path.of(file)
          .toAbsolutePath()
          .normalize()
          .equals(Path.of(path).toAbsolutePath().normalize());
    } catch (InvalidPathException e) {
      return false;
    }
  }

  private void manual(Finding f, String reason) {
    outcomes.putIfAbsent(f, new FixResult.Outcome(f, null, reason));
  }

  private void applied(Finding f, Strategy strategy) {
    outcomes.put(f, new FixResult.Outcome(f, strategy, null));
  }

  // ---------------------------------------------------------------- one field, all its findings

  /** A field located in the parsed file, with every syntactic reference to it. */
  private final class Field {
    final FieldDeclaration declaration;
    final VariableDeclarator variable;
    final String name;
    final Node owner;
    final List<Expression> refs = new ArrayList<>();
    final List<Expression> unknown = new ArrayList<>();

    Field(FieldDeclaration declaration, VariableDeclarator variable) {
      this.declaration = declaration;
      this.variable = variable;
      this.name = variable.getNameAsString();
      this.owner = Names.owner(declaration);
      for (Expression e : unit.findAll(Expression.class)) {
        if (!(e instanceof NameExpr)
            && !(e instanceof FieldAccessExpr)
            && !(e instanceof com.github.javaparser.ast.expr.TypeExpr)) {
          continue;
        }
        Ref ref = Names.resolve(e, name, owner, declaration.isStatic());
        if (ref == Ref.FIELD) {
          refs.add(e);
        } else if (ref == Ref.UNKNOWN) {
          unknown.add(e);
        }
      }
    }

    boolean isRef(Expression e) {
      Expression bare = unwrap(e);
      return refs.stream().anyMatch(r -> r == bare);
    }

    List<AssignExpr> assignments() {
      List<AssignExpr> out = new ArrayList<>();
      for (AssignExpr a : unit.findAll(AssignExpr.class)) {
        if (isRef(a.getTarget())) {
          out.add(a);
        }
      }
      return out;
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
  }

  private Field locate(FixPlan.FieldRef ref) {
    long offset = ref.declaration().offset();
    for (FieldDeclaration declaration : unit.findAll(FieldDeclaration.class)) {
      if (text.begin(declaration) <= offset && offset < text.end(declaration)) {
        for (VariableDeclarator v : declaration.getVariables()) {
          if (v.getNameAsString().equals(ref.name())) {
            return new Field(declaration, v);
          }
        }
      }
    }
    return null;
  }

  private void fixField(List<Finding> group) {
    Field field = locate(group.get(0).fixPlan().field());
    if (field == null) {
      group.forEach(f -> minimalOrManual(f, "the field's declaration was not found"));
      return;
    }
    StringBuilder why = new StringBuilder();
    if (offers(group, Strategy.SNAPSHOT_MAP) && migrate(field, group, Strategy.SNAPSHOT_MAP, why)) {
      return;
    }
    if (offers(group, Strategy.VOLATILE_PUBLISH)
        && migrate(field, group, Strategy.VOLATILE_PUBLISH, why)) {
      return;
    }
    String reason = why.length() == 0 ? "no automatic fix applies" : why.toString();
    group.forEach(f -> minimalOrManual(f, reason));
  }

  private static boolean offers(List<Finding> group, Strategy strategy) {
    return group.stream().anyMatch(f -> f.fixPlan().strategies().contains(strategy));
  }

  /**
   * Migrates the field with {@code strategy} and fixes each finding that way; returns false and
   * changes nothing when the field cannot be migrated or no finding would be fixed by it.
   */
  private boolean migrate(Field field, List<Finding> group, Strategy strategy, StringBuilder why) {
    Set<String> imports = new TreeSet<>();
    List<Edit> migration = new ArrayList<>();
    Map<Statement, Edit> rewrittenAssignments = new IdentityHashMap<>();
    String problem =
        strategy == Strategy.SNAPSHOT_MAP
            ? snapshotMigration(field, migration, rewrittenAssignments, imports)
            : volatileMigration(field, migration);
    if (problem != null) {
      note(why, problem);
      return false;
    }
    migration.addAll(rewrittenAssignments.values());
    if (!text.fits(migration)) {
      note(why, "the field's edits collide with another fix");
      return false;
    }
    List<Edit> all = new ArrayList<>(migration);
    Map<Finding, List<Edit>> fixes = new LinkedHashMap<>();
    Map<Finding, Set<String>> fixImports = new LinkedHashMap<>();
    Map<Finding, String> failures = new LinkedHashMap<>();
    for (Finding f : group) {
      FixPlan plan = f.fixPlan();
      if (!plan.strategies().contains(strategy)) {
        continue;
      }
      Statement target = statementAt(plan.target().offset());
      List<Edit> edits = new ArrayList<>();
      Set<String> needed = new TreeSet<>();
      String failure =
          target == null
              ? "the statement to rewrite was not found"
              : findingEdits(field, f, target, strategy, rewrittenAssignments, edits, needed);
      if (failure == null) {
        List<Edit> trial = new ArrayList<>(all);
        trial.addAll(edits);
        if (text.fits(trial)) {
          all = trial;
          fixes.put(f, edits);
          fixImports.put(f, needed);
          continue;
        }
        failure = "its edits collide with another fix";
      }
      failures.put(f, failure);
    }
    if (fixes.isEmpty()) {
      failures.values().forEach(r -> note(why, r));
      return false;
    }
    // The migration is part of every fixed finding's fix: each one, applied alone, must compile.
    Set<Integer> migrated = new TreeSet<>();
    fixes.keySet().forEach(f -> migrated.addAll(indexes(f)));
    text.accept(migration, imports, migrated);
    for (Map.Entry<Finding, List<Edit>> fix : fixes.entrySet()) {
      text.accept(fix.getValue(), fixImports.get(fix.getKey()), indexes(fix.getKey()));
      applied(fix.getKey(), strategy);
    }
    for (Finding f : group) {
      if (!fixes.containsKey(f)) {
        minimalOrManual(f, failures.getOrDefault(f, "no automatic fix applies"));
      }
    }
    return true;
  }

  private static void note(StringBuilder why, String reason) {
    if (why.indexOf(reason) < 0) {
      why.append(why.length() == 0 ? "" : "; ").append(reason);
    }
  }

  /** The edits one finding needs beyond the field's migration, or why there are none. */
  private String findingEdits(
      Field field,
      Finding f,
      Statement target,
      Strategy strategy,
      Map<Statement, Edit> rewrittenAssignments,
      List<Edit> edits,
      Set<String> imports) {
    FixPlan plan = f.fixPlan();
    return switch (plan.shape()) {
      case CLEAR_LOOP, CLEAR_CALL -> clearEdits(plan, target, edits);
      case DRAIN_LOOP ->
          strategy == Strategy.SNAPSHOT_MAP
              ? drainEdits(field, plan, target, edits)
              : "a loop that processes each entry is rewritten only for SnapshotMap (drain())";
      case CLEAR_THEN_REFILL -> refillEdits(field, plan, target, strategy, edits, imports);
      case REASSIGN_EMPTY, REASSIGN_VALUE ->
          strategy == Strategy.SNAPSHOT_MAP
              ? (rewrittenAssignments.containsKey(target)
                  ? null
                  : "the assignment is not a statement of its own")
              : publishesComplete(field, target);
      case SYNC_ON_REASSIGNED ->
          strategy == Strategy.SNAPSHOT_MAP
              ? null
              : "only a final SnapshotMap keeps the lock object fixed";
    };
  }

  private void minimalOrManual(Finding f, String reason) {
    if (outcomes.containsKey(f)) {
      return;
    }
    FixPlan plan = f.fixPlan();
    if (plan.strategies().contains(Strategy.MINIMAL_CLEAR)
        && (plan.shape() == Shape.CLEAR_LOOP || plan.shape() == Shape.CLEAR_CALL)) {
      Statement target = statementAt(plan.target().offset());
      List<Edit> edits = new ArrayList<>();
      String failure =
          target == null
              ? "the statement to rewrite was not found"
              : clearEdits(plan, target, edits);
      if (failure == null && text.fits(edits)) {
        text.accept(edits, Set.of(), indexes(f));
        applied(f, Strategy.MINIMAL_CLEAR);
        return;
      }
      reason = failure != null ? failure : "its edits collide with another fix";
    }
    manual(f, reason);
  }

  // ---------------------------------------------------------------- field migrations

  /** Plans {@code final SnapshotMap<K, V>} and the rewrite of every assignment, or says why not. */
  private String snapshotMigration(
      Field field, List<Edit> edits, Map<Statement, Edit> assignments, Set<String> imports) {
    String common = declarationProblem(field);
    if (common != null) {
      return common;
    }
    ClassOrInterfaceType type = field.type();
    if (type == null
        || !(type.getNameAsString().equals("Map") || type.getNameAsString().equals("ConcurrentMap"))
        || (type.getTypeArguments().isPresent() && type.getTypeArguments().get().size() != 2)) {
      return "the field is not declared as Map or ConcurrentMap";
    }
    for (Expression ref : field.refs) {
      Node parent = outerParent(ref);
      if (parent instanceof CastExpr || parent instanceof InstanceOfExpr) {
        return "the code casts or tests the map's concrete class";
      }
      if (parent instanceof VariableDeclarator v && v.getType().isVarType()) {
        return "a `var` local takes the field's type";
      }
    }
    if (locksOwnMonitor(field)) {
      return "code locks on the map's own monitor, which a SnapshotMap's operations do not take";
    }
    String snapshot = SourceText.typeName(unit, SNAPSHOT_MAP, imports);
    Optional<Expression> init = field.variable.getInitializer();
    String newInit;
    if (init.isEmpty()) {
      newInit = null;
    } else {
      newInit = snapshotInitializer(init.get(), snapshot);
      if (newInit == null) {
        return "the field's initial map keeps an order or identity semantics a SnapshotMap does not";
      }
    }
    for (AssignExpr a : field.assignments()) {
      if (a.getOperator() != AssignExpr.Operator.ASSIGN
          || !(a.getParentNode().orElse(null) instanceof ExpressionStmt statement)) {
        return "an assignment to the field is not a statement of its own";
      }
      String target = text.of(a.getTarget());
      Expression value = unwrap(a.getValue());
      String replacement;
      if (value instanceof NullLiteralExpr) {
        return "the field is set to null";
      } else if (isEmptyMap(value)) {
        replacement = target + ".clear();";
      } else if (value instanceof ObjectCreationExpr created) {
        if (created.getAnonymousClassBody().isPresent()
            || !UNORDERED.contains(created.getType().getNameAsString())) {
          return "an assigned map keeps an order or identity semantics a SnapshotMap does not";
        }
        Expression contents =
            created.getArguments().size() == 1 && isMapTyped(created.getArgument(0))
                ? created.getArgument(0)
                : created;
        replacement = target + ".swap(" + text.of(contents) + ");";
      } else {
        replacement = target + ".swap(" + text.of(a.getValue()) + ");";
      }
      assignments.put(statement, new Edit(text.begin(statement), text.end(statement), replacement));
    }
    // the type: `Map` or `java.util.Map` becomes `SnapshotMap`; the type arguments stay as written
    edits.add(new Edit(text.begin(type), text.end(type.getName()), snapshot));
    Modifier volatileModifier = modifier(field.declaration, Modifier.Keyword.VOLATILE);
    if (volatileModifier != null) {
      edits.add(removal(volatileModifier));
    }
    if (!field.declaration.isFinal()) {
      edits.add(insertModifier(field, "final"));
    }
    if (init.isEmpty()) {
      int at = text.end(field.variable.getName());
      edits.add(new Edit(at, at, " = new " + snapshot + "<>()"));
    } else {
      edits.add(new Edit(text.begin(init.get()), text.end(init.get()), newInit));
    }
    return null;
  }

  /**
   * Whether code synchronizes on a map whose own operations take its monitor (a {@code
   * Collections.synchronizedMap} or a {@code Hashtable}): such a block excludes the map's other
   * users only while the map stays that kind of map, so migrating it would break the lock.
   */
  private boolean locksOwnMonitor(Field field) {
    boolean locked =
        unit.findAll(SynchronizedStmt.class).stream()
            .anyMatch(sync -> field.isRef(sync.getExpression()));
    if (!locked) {
      return false;
    }
    List<Expression> values = new ArrayList<>();
    field.variable.getInitializer().ifPresent(values::add);
    field.assignments().forEach(a -> values.add(a.getValue()));
    for (Expression v : values) {
      Expression value = unwrap(v);
      if (value instanceof MethodCallExpr call
          && call.getNameAsString().equals("synchronizedMap")) {
        return true;
      }
      if (value instanceof ObjectCreationExpr created
          && created.getType().getNameAsString().equals("Hashtable")) {
        return true;
      }
    }
    return false;
  }

  private String snapshotInitializer(Expression initializer, String snapshot) {
    Expression value = unwrap(initializer);
    if (value instanceof NullLiteralExpr) {
      return null;
    }
    if (isEmptyMap(value)
        && !(value instanceof ObjectCreationExpr c && c.getArguments().size() == 1)) {
      return "new " + snapshot + "<>()";
    }
    if (value instanceof ObjectCreationExpr created) {
      if (created.getAnonymousClassBody().isPresent()
          || !UNORDERED.contains(created.getType().getNameAsString())) {
        return null;
      }
      if (created.getArguments().size() == 1) {
        // the copy constructor or an initial capacity: SnapshotMap has both
        return "new " + snapshot + "<>(" + text.of(created.getArgument(0)) + ")";
      }
      return "new " + snapshot + "<>()";
    }
    return "new " + snapshot + "<>(" + text.of(initializer) + ")";
  }

  /** Plans {@code volatile} on the field, or says why not. */
  private String volatileMigration(Field field, List<Edit> edits) {
    String common = declarationProblem(field);
    if (common != null) {
      return common;
    }
    Modifier finalModifier = modifier(field.declaration, Modifier.Keyword.FINAL);
    if (finalModifier != null) {
      for (SynchronizedStmt sync : unit.findAll(SynchronizedStmt.class)) {
        if (field.isRef(sync.getExpression())) {
          return "code locks on the map, which must then stay the same object";
        }
      }
      if (field.declaration.isVolatile()) {
        return "the field is already volatile";
      }
      edits.add(new Edit(text.begin(finalModifier), text.end(finalModifier), "volatile"));
    } else if (!field.declaration.isVolatile()) {
      edits.add(insertModifier(field, "volatile"));
    }
    return null;
  }

  private String declarationProblem(Field field) {
    if (field.declaration.getVariables().size() != 1) {
      return "the field is declared together with others";
    }
    if (field.declaration.isPublic() || field.declaration.isProtected()) {
      return "the field is visible outside its file";
    }
    if (field.owner instanceof ClassOrInterfaceDeclaration c && c.isInterface()) {
      return "the field is an interface constant";
    }
    for (Expression e : field.unknown) {
      if (e.getParentNode().orElse(null) instanceof AssignExpr a && a.getTarget() == e) {
        return "an assignment may or may not write the field (`" + text.of(e) + "`)";
      }
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
    return new Edit(start, end, "");
  }

  /**
   * Inserts {@code final} or {@code volatile} after the access and {@code static} modifiers, where
   * google-java-format's canonical order puts it.
   */
  private Edit insertModifier(Field field, String keyword) {
    Modifier last = null;
    for (Modifier m : field.declaration.getModifiers()) {
      switch (m.getKeyword()) {
        case PUBLIC, PROTECTED, PRIVATE, STATIC, FINAL -> last = m;
        default -> {}
      }
    }
    if (last != null) {
      int at = text.end(last);
      return new Edit(at, at, " " + keyword);
    }
    Modifier first =
        field.declaration.getModifiers().isEmpty() ? null : field.declaration.getModifiers().get(0);
    int at = first != null ? text.begin(first) : text.begin(field.variable.getType());
    return new Edit(at, at, keyword + " ");
  }

  // ---------------------------------------------------------------- per finding

  /** {@code m.clear();} in place of the loop or call, and the loop's iterator declaration gone. */
  private String clearEdits(FixPlan plan, Statement target, List<Edit> edits) {
    boolean loop =
        target instanceof ForEachStmt || target instanceof ForStmt || target instanceof WhileStmt;
    if (plan.shape() == Shape.CLEAR_LOOP
        ? !loop
        : !(target instanceof ExpressionStmt s && s.getExpression() instanceof MethodCallExpr)) {
      return "the reported code is not a statement of its own";
    }
    Optional<Expression> map = parser().parseExpression(plan.mapExpression()).getResult();
    if (map.isEmpty()
        || !(map.get() instanceof NameExpr || map.get() instanceof FieldAccessExpr)
        || !plan.mapExpression().equals(map.get().toString())) {
      return "the map expression `" + plan.mapExpression() + "` cannot be repeated safely";
    }
    edits.add(new Edit(text.begin(target), text.end(target), plan.mapExpression() + ".clear();"));
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
      after |= s == statement;
    }
    return false;
  }

  /**
   * {@code for (E e : m.view())} with {@code m.remove(..)} in the body becomes {@code for (E e :
   * m.drain().view())} without it: the entries are detached atomically, then processed.
   */
  private String drainEdits(Field field, FixPlan plan, Statement target, List<Edit> edits) {
    if (!(target instanceof ForEachStmt loop) || !(loop.getBody() instanceof BlockStmt body)) {
      return "only an enhanced for loop over the map is rewritten to drain()";
    }
    String variable = loop.getVariable().getVariable(0).getNameAsString();
    MethodCallExpr view = viewCall(field, loop.getIterable());
    if (view == null) {
      return "the loop does not iterate a view of the field";
    }
    String viewName = view.getNameAsString();
    Statement removal = null;
    for (Statement s : body.getStatements()) {
      if (removesCurrent(field, s, viewName, variable)) {
        if (removal != null) {
          return "the loop removes more than once";
        }
        removal = s;
      }
    }
    if (removal == null) {
      return "the removal is not a statement of the loop body";
    }
    for (Statement s : body.getStatements()) {
      if (s != removal && s.findAll(Expression.class).stream().anyMatch(field::isRef)) {
        return "the loop body uses the map for more than removing the entry";
      }
    }
    Expression receiver = view.getScope().orElseThrow();
    edits.add(
        new Edit(
            text.begin(view), text.end(view), text.of(receiver) + ".drain()." + viewName + "()"));
    edits.add(text.deletion(removal));
    return null;
  }

  /** {@code m.keySet()}, {@code m.entrySet()}, {@code m.values()}, maybe inside a copy of it. */
  private MethodCallExpr viewCall(Field field, Expression iterable) {
    Expression e = unwrap(iterable);
    if (e instanceof ObjectCreationExpr copy && copy.getArguments().size() == 1) {
      e = unwrap(copy.getArgument(0));
    } else if (e instanceof MethodCallExpr call
        && call.getNameAsString().equals("copyOf")
        && call.getArguments().size() == 1) {
      e = unwrap(call.getArgument(0));
    }
    if (e instanceof MethodCallExpr call
        && call.getArguments().isEmpty()
        && Set.of("keySet", "entrySet", "values").contains(call.getNameAsString())
        && call.getScope().isPresent()
        && field.isRef(call.getScope().get())) {
      return call;
    }
    return null;
  }

  private boolean removesCurrent(Field field, Statement s, String view, String variable) {
    if (!(s instanceof ExpressionStmt statement)
        || !(statement.getExpression() instanceof MethodCallExpr call)
        || !call.getNameAsString().equals("remove")
        || call.getArguments().size() != 1
        || call.getScope().isEmpty()) {
      return false;
    }
    Expression scope = unwrap(call.getScope().get());
    boolean onMap =
        field.isRef(scope)
            || (scope instanceof MethodCallExpr keys
                && keys.getNameAsString().equals("keySet")
                && keys.getScope().isPresent()
                && field.isRef(keys.getScope().get()));
    if (!onMap) {
      return false;
    }
    Expression argument = unwrap(call.getArgument(0));
    return switch (view) {
      case "keySet" -> argument instanceof NameExpr n && n.getNameAsString().equals(variable);
      case "entrySet" ->
          argument instanceof MethodCallExpr getKey
              && getKey.getNameAsString().equals("getKey")
              && getKey.getScope().map(Fixer::unwrap).orElse(null) instanceof NameExpr n
              && n.getNameAsString().equals(variable);
      default ->
          argument.findAll(NameExpr.class).stream()
              .anyMatch(n -> n.getNameAsString().equals(variable));
    };
  }

  /**
   * {@code m.clear(); <refill m>} becomes {@code Map<K, V> freshM = new HashMap<>(); <refill
   * freshM>; m.swap(freshM);} (or {@code m = freshM;} for a volatile field); {@code m.clear();
   * m.putAll(x);} becomes {@code m.swap(x);}.
   */
  private String refillEdits(
      Field field,
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
      if (s == null || s.getParentNode().orElse(null) != block) {
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
        edits.add(new Edit(text.begin(clear), text.end(clear), replacement));
        edits.add(text.deletion(only));
        return null;
      }
    }
    Set<String> taken = Names.identifiersAround(clear);
    String base = "fresh" + Character.toUpperCase(field.name.charAt(0)) + field.name.substring(1);
    String fresh = base;
    for (int i = 2; taken.contains(fresh); i++) {
      fresh = base + i;
    }
    edits.add(
        new Edit(
            text.begin(clear),
            text.end(clear),
            localType + " " + fresh + " = new " + builder + "<>();"));
    for (Statement s : refill) {
      for (Expression e : s.findAll(Expression.class)) {
        if (indexOf(field.refs, e) >= 0 && !insideRef(field, e)) {
          edits.add(new Edit(text.begin(e), text.end(e), fresh));
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
  private static boolean insideRef(Field field, Expression e) {
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

  /** The class to build a volatile field's new contents in, written as this file can name it. */
  private String concurrentBuilder(Field field, Set<String> imports) {
    Optional<Expression> init = field.variable.getInitializer().map(Fixer::unwrap);
    if (init.isPresent()
        && init.get() instanceof ObjectCreationExpr created
        && created.getAnonymousClassBody().isEmpty()) {
      String name = created.getType().getNameAsString();
      if (name.equals("ConcurrentHashMap")
          || (name.equals("ConcurrentSkipListMap") && created.getArguments().isEmpty())) {
        String written = text.of(created.getType());
        int generic = written.indexOf('<');
        return generic < 0 ? written : written.substring(0, generic).strip();
      }
      return null;
    }
    ClassOrInterfaceType type = field.type();
    if (type != null
        && Set.of("Map", "ConcurrentMap", "ConcurrentHashMap").contains(type.getNameAsString())) {
      return SourceText.typeName(unit, CONCURRENT_HASH_MAP, imports);
    }
    return null;
  }

  /**
   * A volatile write publishes the assigned map safely only if nothing changes it afterwards:
   * {@code m = new HashMap<>(); m.put(..)} would publish a map still being filled.
   */
  private String publishesComplete(Field field, Statement assignment) {
    if (!(assignment.getParentNode().orElse(null) instanceof BlockStmt block)) {
      return "the assignment is not a statement of its own";
    }
    boolean after = false;
    for (Statement s : block.getStatements()) {
      if (after) {
        for (MethodCallExpr call : s.findAll(MethodCallExpr.class)) {
          if (MUTATORS.contains(call.getNameAsString())
              && call.getScope().isPresent()
              && field.isRef(call.getScope().get())) {
            return "the map is still filled after it is assigned";
          }
        }
      }
      after |= s == assignment;
    }
    return null;
  }

  // ---------------------------------------------------------------- syntax helpers

  /** The statement that starts at a javac start offset. */
  private Statement statementAt(long offset) {
    for (Statement s : unit.findAll(Statement.class)) {
      if (!(s instanceof BlockStmt) && text.begin(s) == offset) {
        return s;
      }
    }
    return null;
  }

  private static Expression unwrap(Expression e) {
    Expression x = e;
    while (x instanceof EnclosedExpr enclosed) {
      x = enclosed.getInner();
    }
    return x;
  }

  private static Node outerParent(Expression e) {
    Node p = e.getParentNode().orElse(null);
    while (p instanceof EnclosedExpr) {
      p = p.getParentNode().orElse(null);
    }
    return p;
  }

  /** {@code new X<>()}, {@code new X<>(16)}, {@code Map.of()}, {@code Collections.emptyMap()}. */
  private static boolean isEmptyMap(Expression value) {
    Expression e = unwrap(value);
    if (e instanceof ObjectCreationExpr created) {
      return created.getAnonymousClassBody().isEmpty()
          && UNORDERED.contains(created.getType().getNameAsString())
          && created.getArguments().stream().allMatch(a -> a instanceof LiteralExpr)
          && (created.getArguments().isEmpty()
              || created.getArgument(0) instanceof IntegerLiteralExpr);
    }
    return e instanceof MethodCallExpr call
        && call.getArguments().isEmpty()
        && (call.getNameAsString().equals("of") || call.getNameAsString().equals("emptyMap"))
        && call.getScope()
            .map(s -> s.toString().endsWith("Map") || s.toString().endsWith("Collections"))
            .orElse(false);
  }

  /** A local or parameter declared as a map, so {@code new X<>(it)} copies its contents. */
  private static boolean isMapTyped(Expression argument) {
    Expression e = unwrap(argument);
    if (!(e instanceof NameExpr name)) {
      return false;
    }
    return Names.localType(name)
        .filter(t -> t instanceof ClassOrInterfaceType c && MAP_TYPES.contains(c.getNameAsString()))
        .isPresent();
  }

  /** The position of a node in a list, by identity: JavaParser nodes are equal by structure. */
  private static int indexOf(List<? extends Node> nodes, Node node) {
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i) == node) {
        return i;
      }
    }
    return -1;
  }
}
