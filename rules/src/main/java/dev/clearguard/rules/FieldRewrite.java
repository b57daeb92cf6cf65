package dev.clearguard.rules;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import dev.clearguard.rules.facts.Access;
import dev.clearguard.rules.facts.ClassFacts;
import dev.clearguard.rules.facts.FieldFacts;
import dev.clearguard.rules.facts.MapKnowledge;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * javac's answers about one field, for a fixer that only splices text: where every reference to the
 * field starts, what each assignment assigns, and whether the field may be migrated to a final
 * SnapshotMap or to a volatile field, with the reason when not. The diagnostic's fix sentence
 * ({@link Fixes#preferredFix}) and the fixer read the same verdicts, so the message never promises
 * a migration the fixer refuses. Positions are javac start offsets (0-based characters).
 *
 * @param declaration the start of the field's declaration
 * @param references the start of every reference to the field of the running object (or of a static
 *     field) in the analysed class, in source order
 * @param initializer the initialiser's value, or null when the field has none
 * @param assignments every assignment to the field in the analysed class, in source order
 * @param snapshotMap whether the field may become a final SnapshotMap
 * @param volatilePublish whether the field may become volatile
 * @param refillBuilder which map a volatile field's new contents are built in
 */
public record FieldRewrite(
    long declaration,
    List<Long> references,
    Value initializer,
    List<Assignment> assignments,
    Verdict snapshotMap,
    Verdict volatilePublish,
    RefillBuilder refillBuilder) {

  public FieldRewrite {
    references = List.copyOf(references);
    assignments = List.copyOf(assignments);
    Objects.requireNonNull(snapshotMap, "snapshotMap");
    Objects.requireNonNull(volatilePublish, "volatilePublish");
    Objects.requireNonNull(refillBuilder, "refillBuilder");
  }

  /**
   * The map class a volatile field's new contents are built in before one assignment publishes
   * them.
   */
  public enum RefillBuilder {
    /**
     * The class the initialiser creates: a ConcurrentHashMap, or a ConcurrentSkipListMap in natural
     * order.
     */
    INITIALIZER_CLASS,
    /**
     * A ConcurrentHashMap: the field has no initial map and is declared Map, ConcurrentMap or
     * ConcurrentHashMap.
     */
    CONCURRENT_HASH_MAP,
    /** None is clear (the initial map is of another kind, or has a comparator). */
    NONE
  }

  /** Map classes whose contents a SnapshotMap holds without changing behaviour: no order. */
  private static final Set<String> UNORDERED =
      Set.of("java.util.HashMap", "java.util.concurrent.ConcurrentHashMap", "java.util.Hashtable");

  /** What a value assigned to the field is, as far as a rewrite to SnapshotMap cares. */
  public enum ValueKind {
    /**
     * A new unordered map without a map argument ({@code new HashMap<>()}, {@code new
     * ConcurrentHashMap<>(16)}), or {@code Map.of()}/{@code Collections.emptyMap()}.
     */
    EMPTY,
    /** {@code new HashMap<>(local)}: a new unordered map holding a copy of a local map. */
    COPY_OF,
    /** {@code null}. */
    NULL,
    /** A new map that keeps an order or identity semantics: a TreeMap, an anonymous subclass. */
    ORDERED,
    /** Any other value (a map built elsewhere, a call's result). */
    OTHER
  }

  /**
   * A classified value.
   *
   * @param kind what it is
   * @param start where the value starts
   * @param copied for {@link ValueKind#COPY_OF}, where the copied map's expression starts; else -1
   */
  public record Value(ValueKind kind, long start, long copied) {}

  /**
   * One assignment to the field.
   *
   * @param start where the assignment starts (its target)
   * @param value the value assigned
   * @param onThis whether it assigns the running object's field (or a static field)
   * @param statement whether the assignment is an expression statement of its own
   * @param inBlock whether that statement is a statement of a block
   * @param filledAfter whether a later statement of the same block changes the field's map
   */
  public record Assignment(
      long start,
      Value value,
      boolean onThis,
      boolean statement,
      boolean inBlock,
      boolean filledAfter) {}

  /**
   * Whether a migration is safe.
   *
   * @param reason null when it is; else why not, in words for a person
   */
  public record Verdict(String reason) {
    static final Verdict SAFE = new Verdict(null);

    public boolean safe() {
      return reason == null;
    }
  }

  /** Builds the field's rewrite facts; called only for a field a finding names. */
  static FieldRewrite of(ClassFacts facts, FieldFacts field) {
    SourcePositions positions = facts.trees().getSourcePositions();
    var unit = facts.unit();
    long declaration = positions.getStartPosition(unit, field.tree());
    List<Long> references = new ArrayList<>();
    List<Assignment> assignments = new ArrayList<>();
    String castOrVar = null;
    for (Access access : field.accesses()) {
      TreePath path = access.site().path();
      Tree leaf = path.getLeaf();
      if (access.onThis()) {
        references.add(positions.getStartPosition(unit, leaf));
      }
      TreePath outer = path.getParentPath();
      while (outer.getLeaf() instanceof ParenthesizedTree) {
        outer = outer.getParentPath();
      }
      Tree parent = outer.getLeaf();
      if (castOrVar == null
          && (parent instanceof TypeCastTree || parent instanceof InstanceOfTree)) {
        castOrVar = "the code casts or tests the map's concrete class";
      } else if (castOrVar == null
          && parent instanceof VariableTree local
          && local.getInitializer() != null
          && (local.getType() == null || positions.getStartPosition(unit, local.getType()) < 0)) {
        castOrVar = "a `var` local takes the field's type";
      }
      if (access.kind() == Access.Kind.ASSIGN
          && path.getParentPath().getLeaf() instanceof AssignmentTree assignment) {
        assignments.add(assignment(facts, field, access, path.getParentPath(), assignment));
      }
    }
    ExpressionTree init = field.tree().getInitializer();
    Value initializer =
        init == null ? null : value(facts, init, new TreePath(new TreePath(unit), field.tree()));
    boolean lockedOn = lockedOn(facts, references);
    return new FieldRewrite(
        declaration,
        references,
        initializer,
        assignments,
        snapshotVerdict(facts, field, initializer, assignments, castOrVar, lockedOn),
        volatileVerdict(facts, field, lockedOn),
        refillBuilder(facts, field, init));
  }

  private static RefillBuilder refillBuilder(
      ClassFacts facts, FieldFacts field, ExpressionTree init) {
    if (init != null
        && MapKnowledge.skipParens(init) instanceof NewClassTree created
        && created.getClassBody() == null) {
      TypeMirror type = facts.type(created, new TreePath(new TreePath(facts.unit()), field.tree()));
      String name =
          type instanceof DeclaredType declared
              ? ((TypeElement) declared.asElement()).getQualifiedName().toString()
              : "";
      return name.equals("java.util.concurrent.ConcurrentHashMap")
              || (name.equals("java.util.concurrent.ConcurrentSkipListMap")
                  && created.getArguments().isEmpty())
          ? RefillBuilder.INITIALIZER_CLASS
          : RefillBuilder.NONE;
    }
    TypeMirror declared = field.element().asType();
    String name =
        declared instanceof DeclaredType d
            ? ((TypeElement) d.asElement()).getQualifiedName().toString()
            : "";
    return Set.of(
                "java.util.Map",
                "java.util.concurrent.ConcurrentMap",
                "java.util.concurrent.ConcurrentHashMap")
            .contains(name)
        ? RefillBuilder.CONCURRENT_HASH_MAP
        : RefillBuilder.NONE;
  }

  private static Assignment assignment(
      ClassFacts facts,
      FieldFacts field,
      Access access,
      TreePath assignmentPath,
      AssignmentTree assignment) {
    SourcePositions positions = facts.trees().getSourcePositions();
    TreePath statementPath = assignmentPath.getParentPath();
    boolean statement = statementPath.getLeaf() instanceof ExpressionStatementTree;
    boolean inBlock = statement && statementPath.getParentPath().getLeaf() instanceof BlockTree;
    boolean filledAfter =
        inBlock
            && filledAfter(
                field,
                (BlockTree) statementPath.getParentPath().getLeaf(),
                (StatementTree) statementPath.getLeaf());
    return new Assignment(
        positions.getStartPosition(facts.unit(), assignment),
        value(facts, assignment.getExpression(), assignmentPath),
        access.onThis(),
        statement,
        inBlock,
        filledAfter);
  }

  /** Whether a statement of {@code block} after {@code statement} changes the field's map. */
  private static boolean filledAfter(FieldFacts field, BlockTree block, StatementTree statement) {
    int at = indexOf(block.getStatements(), statement);
    for (Access access : field.accesses()) {
      if (access.kind() != Access.Kind.MUTATE || !access.onThis()) {
        continue;
      }
      for (TreePath p = access.site().path(); p.getParentPath() != null; p = p.getParentPath()) {
        if (p.getParentPath().getLeaf() == block) {
          if (indexOf(block.getStatements(), p.getLeaf()) > at) {
            return true;
          }
          break;
        }
      }
    }
    return false;
  }

  private static int indexOf(List<? extends Tree> trees, Tree tree) {
    for (int i = 0; i < trees.size(); i++) {
      if (trees.get(i) == tree) {
        return i;
      }
    }
    return -1;
  }

  /** Classifies a value with javac's types. */
  static Value value(ClassFacts facts, ExpressionTree value, TreePath context) {
    SourcePositions positions = facts.trees().getSourcePositions();
    long start = positions.getStartPosition(facts.unit(), value);
    ExpressionTree e = MapKnowledge.skipParens(value);
    if (MapKnowledge.isNullLiteral(e)) {
      return new Value(ValueKind.NULL, start, -1);
    }
    if (e instanceof NewClassTree created) {
      if (created.getClassBody() != null || !isUnordered(facts.type(created, context))) {
        return new Value(ValueKind.ORDERED, start, -1);
      }
      List<? extends ExpressionTree> arguments = created.getArguments();
      boolean copiesMap =
          arguments.stream().anyMatch(a -> facts.knowledge().isMap(facts.type(a, context)));
      if (!copiesMap) {
        return new Value(literals(arguments) ? ValueKind.EMPTY : ValueKind.OTHER, start, -1);
      }
      if (arguments.size() == 1 && isLocal(facts.element(arguments.get(0), context))) {
        return new Value(
            ValueKind.COPY_OF, start, positions.getStartPosition(facts.unit(), arguments.get(0)));
      }
      return new Value(ValueKind.OTHER, start, -1);
    }
    if (e instanceof MethodInvocationTree call
        && MapKnowledge.isEmptyMapFactory(call)
        && facts.knowledge().isMap(facts.type(call, context))) {
      return new Value(ValueKind.EMPTY, start, -1);
    }
    return new Value(ValueKind.OTHER, start, -1);
  }

  /** No arguments, or a literal capacity (and load factor, concurrency level). */
  private static boolean literals(List<? extends ExpressionTree> arguments) {
    return arguments.stream().allMatch(a -> a instanceof LiteralTree)
        && (arguments.isEmpty() || arguments.get(0).getKind() == Tree.Kind.INT_LITERAL);
  }

  private static boolean isLocal(Element element) {
    return element != null
        && (element.getKind() == ElementKind.LOCAL_VARIABLE
            || element.getKind() == ElementKind.PARAMETER);
  }

  private static boolean isUnordered(TypeMirror type) {
    return type instanceof DeclaredType declared
        && UNORDERED.contains(((TypeElement) declared.asElement()).getQualifiedName().toString());
  }

  /** Whether a {@code synchronized} statement locks on the field of the running object. */
  private static boolean lockedOn(ClassFacts facts, List<Long> references) {
    SourcePositions positions = facts.trees().getSourcePositions();
    for (ClassFacts.Event<SynchronizedTree> sync : facts.syncs()) {
      long at =
          positions.getStartPosition(
              facts.unit(), MapKnowledge.skipParens(sync.tree().getExpression()));
      if (references.contains(at)) {
        return true;
      }
    }
    return false;
  }

  /** Why the field cannot be declared anew (as final SnapshotMap or volatile), or null. */
  private static String declarationProblem(ClassFacts facts, FieldFacts field) {
    var modifiers = field.element().getModifiers();
    if (modifiers.contains(Modifier.PUBLIC) || modifiers.contains(Modifier.PROTECTED)) {
      return "the field is visible outside its file";
    }
    SourcePositions positions = facts.trees().getSourcePositions();
    long start = positions.getStartPosition(facts.unit(), field.tree());
    for (FieldFacts other : facts.fields()) {
      if (other != field
          && other.owner().equals(field.owner())
          && positions.getStartPosition(facts.unit(), other.tree()) == start) {
        return "the field is declared together with others";
      }
    }
    return null;
  }

  private static Verdict snapshotVerdict(
      ClassFacts facts,
      FieldFacts field,
      Value initializer,
      List<Assignment> assignments,
      String castOrVar,
      boolean lockedOn) {
    String common = declarationProblem(facts, field);
    if (common != null) {
      return new Verdict(common);
    }
    if (!field.element().getModifiers().contains(Modifier.PRIVATE)) {
      return new Verdict("another class of the package may assign the field");
    }
    if (!facts.knowledge().isMapInterface(field.element().asType())) {
      return new Verdict("the field is not declared as Map or ConcurrentMap");
    }
    if (castOrVar != null) {
      return new Verdict(castOrVar);
    }
    if (lockedOn && field.isSelfLocking()) {
      return new Verdict(
          "code locks on the map's own monitor, which a SnapshotMap's operations do not take");
    }
    if (initializer != null && initializer.kind() == ValueKind.NULL) {
      return new Verdict("the field is set to null");
    }
    if (initializer != null && initializer.kind() == ValueKind.ORDERED) {
      return new Verdict(
          "the field's initial map keeps an order or identity semantics a SnapshotMap does not");
    }
    for (Assignment a : assignments) {
      if (!a.onThis()) {
        return new Verdict("an assignment writes the field of another object");
      }
      if (!a.statement()) {
        return new Verdict("an assignment to the field is not a statement of its own");
      }
      if (a.value().kind() == ValueKind.NULL) {
        return new Verdict("the field is set to null");
      }
      if (a.value().kind() == ValueKind.ORDERED) {
        return new Verdict(
            "an assigned map keeps an order or identity semantics a SnapshotMap does not");
      }
    }
    return Verdict.SAFE;
  }

  private static Verdict volatileVerdict(ClassFacts facts, FieldFacts field, boolean lockedOn) {
    String common = declarationProblem(facts, field);
    if (common != null) {
      return new Verdict(common);
    }
    if (field.isFinal() && lockedOn) {
      return new Verdict("code locks on the map, which must then stay the same object");
    }
    return Verdict.SAFE;
  }
}
