package dev.clearguard.rules;

import com.google.auto.service.AutoService;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import dev.clearguard.rules.FixPlan.Shape;
import dev.clearguard.rules.facts.Access;
import dev.clearguard.rules.facts.ClassFacts;
import dev.clearguard.rules.facts.FieldFacts;
import dev.clearguard.rules.facts.MapKnowledge;
import dev.clearguard.rules.facts.MapTarget;
import dev.clearguard.rules.facts.Program;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;

/** Flags a shared map field that is reassigned without a safe publication. */
@AutoService(Rule.class)
public final class UnsafeMapReassignment implements Rule {
  /** The one-line summary (the Error Prone check's {@code @BugPattern} copies it). */
  public static final String SUMMARY =
      "Publish a replaced map safely: reset a final SnapshotMap or write a volatile field";

  /** Warning: whether readers see a stale or half-built map depends on how they read the field. */
  @Override
  public Severity severity() {
    return Severity.WARNING;
  }

  @Override
  public String summary() {
    return SUMMARY;
  }

  @Override
  public Set<FixPlan.Strategy> fixes() {
    return Set.of(FixPlan.Strategy.SNAPSHOT_MAP, FixPlan.Strategy.VOLATILE_PUBLISH);
  }

  /** The finding is an assignment to a map field of the class that is not final. */
  @Override
  public boolean mayReport(Outline outline) {
    return outline.declaresMutableMapField();
  }

  @Override
  public void check(ClassFacts facts, Consumer<Finding> sink) {
    for (FieldFacts field : facts.fields()) {
      if (!field.isMap() || field.isFinal() || field.isVolatile() || field.isGuardedBy()) {
        continue;
      }
      if (!facts.isShared(field)) {
        // Nothing says a second thread ever sees this field: a concurrent map type alone is no
        // evidence, since data carriers, builders and DTOs declare them too.
        continue;
      }
      if (facts.underOneLock(field, false)) {
        continue; // the write and every read are ordered by one lock
      }
      boolean createdOnce = createdOnce(facts, field);
      for (Access access : field.sharedAccesses()) {
        if (access.kind() != Access.Kind.ASSIGN || !access.onThis()) {
          // other.f = ... writes an object this code may have just built: not a publication.
          continue;
        }
        if (assignsNull(access)) {
          // f = null publishes no map: nothing half-built can be seen, and a reader that still
          // holds the old map holds a complete one. It resets a lazily built map or drops one.
          continue;
        }
        // if (f == null) f = new HashMap<>(): the field goes from null to one map, once. No reader
        // can keep an older map, and the map it publishes is empty, not half-built. A static field,
        // or one used in code handed to another thread, can be created by two threads at once;
        // otherwise nothing tells threads that take turns (an exchange an I/O thread hands to a
        // worker) from threads that run it at once. Reach from run-time code was tried as that
        // evidence and measured: objects handed between threads are reached from tasks too.
        boolean lazyCreation =
            createdOnce
                && !field.isStatic()
                && !field.isHandedOff()
                && assignsEmptyMap(facts, access)
                && !filledBeforeLeaving(facts, field, access.site().path().getParentPath());
        if (lazyCreation) {
          continue;
        }
        report(facts, field, access, sink);
      }
    }
  }

  /**
   * A write in a setter-shaped method whose value does not come from its parameter. A setter
   * nothing calls is taken for a property a binder sets; a write in it that ignores the value it is
   * given ({@code setDlq(boolean on) { if (options == null) options = new HashMap<>(); ..}}) is not
   * the property's own, and is judged like any other entry point's.
   */
  private static boolean ignoresParameter(ClassFacts facts, Access access) {
    ExecutableElement method = access.site().method();
    return method != null && Program.isSetter(method) && !usesParameter(facts, access);
  }

  private static boolean usesParameter(ClassFacts facts, Access access) {
    if (!(access.site().path().getParentPath().getLeaf() instanceof AssignmentTree assignment)
        || access.site().method() == null) {
      return true;
    }
    List<? extends VariableElement> parameters = access.site().method().getParameters();
    TreePath valuePath =
        new TreePath(access.site().path().getParentPath(), assignment.getExpression());
    return mentions(facts, valuePath, parameters, 0);
  }

  /**
   * Whether the expression at {@code path} names one of {@code parameters}, directly or through a
   * local variable whose initialiser does ({@code Map<..> copy = new HashMap<>(value); f = copy;}).
   */
  private static boolean mentions(
      ClassFacts facts, TreePath path, List<? extends VariableElement> parameters, int depth) {
    boolean[] found = {false};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree id, Void unused) {
        if (found[0]) {
          return null;
        }
        Element element = facts.element(getCurrentPath());
        if (parameters.contains(element)) {
          found[0] = true;
        } else if (depth < 3
            && element != null
            && element.getKind() == ElementKind.LOCAL_VARIABLE) {
          TreePath declaration = facts.localDeclaration(element);
          ExpressionTree init = facts.localInitializer(element);
          if (declaration != null && init != null) {
            found[0] = mentions(facts, new TreePath(declaration, init), parameters, depth + 1);
          }
        }
        return null;
      }
    }.scan(path, null);
    return found[0];
  }

  /**
   * What the whole program must still show: the assignment can run while the field is shared (it is
   * reached from run-time code or from outside, not only from set-up, a setter nothing calls or a
   * framework's callback), and no lock is held at the write and every read.
   */
  private static Finding.Condition afterPublication(
      FieldFacts field, Access access, boolean ignoresParameter) {
    List<Access> uses = field.sharedAccesses();
    // A quiet entry point is set-up for the writer (nothing shows it runs late), but not for the
    // readers: a reader whose timing nothing shows may run at any time, so it must hold the lock.
    return program ->
        (program.runsShared(access.site(), field, true, true)
                || (ignoresParameter && program.isUncalledSetter(access.site().method())))
            && !program.underOneLock(Guards.live(program, uses, field, false), false);
  }

  /**
   * Whether every write of the field on its own object after set-up is a lazy initialisation: it
   * sits in the then-branch of {@code if (f == null)} (possibly {@code && ..}, possibly nested
   * deeper), so the field is only ever created once and never replaced or dropped.
   */
  private static boolean createdOnce(ClassFacts facts, FieldFacts field) {
    boolean any = false;
    for (Access access : field.sharedAccesses()) {
      if (access.kind() != Access.Kind.ASSIGN) {
        continue;
      }
      if (!access.onThis()) {
        if (assignsNull(access)) {
          return false; // another object's map dropped (a pool recycling it): created again later
        }
        continue;
      }
      if (nullCheck(facts, field, access.site().path().getParentPath()) == null) {
        return false;
      }
      any = true;
    }
    return any;
  }

  /** The {@code if (f == null)} that has the assignment in its then-branch, or null. */
  private static IfTree nullCheck(ClassFacts facts, FieldFacts field, TreePath assignment) {
    for (IfTree test = enclosingIf(assignment, null);
        test != null;
        test = enclosingIf(assignment, test)) {
      if (testsNull(facts, field, test.getCondition(), assignment)) {
        return test;
      }
    }
    return null;
  }

  /**
   * Whether the branch that creates the map also fills it ({@code if (f == null) { f = new
   * HashMap<>(); f.putAll(defaults); }}): the map is published empty and filled afterwards, so
   * another thread can see it half-built.
   */
  private static boolean filledBeforeLeaving(
      ClassFacts facts, FieldFacts field, TreePath assignment) {
    IfTree test = nullCheck(facts, field, assignment);
    if (test == null) {
      return false;
    }
    for (Access use : field.accesses()) {
      Tree parent = use.site().path().getParentPath().getLeaf();
      boolean passedOn =
          use.kind() == Access.Kind.READ
              && !(parent instanceof MemberSelectTree)
              && !(parent instanceof ReturnTree)
              && !(parent instanceof BinaryTree);
      if (use.kind() != Access.Kind.MUTATE && !passedOn) {
        continue;
      }
      for (TreePath path = use.site().path(); path != null; path = path.getParentPath()) {
        if (path.getLeaf() == test.getThenStatement()) {
          return true; // filled here, or handed to code that may fill it
        }
      }
    }
    // A method of the class called after the creation may fill it (the value's own arguments are
    // computed before the map exists).
    return callsOwnMethod(test.getThenStatement(), assignment.getLeaf());
  }

  /**
   * Whether {@code tree}, outside {@code skipped}, calls a method on the running object: {@code
   * init()}, {@code this.init()}.
   */
  private static boolean callsOwnMethod(Tree tree, Tree skipped) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree node, Void unused) {
        return node == skipped ? null : super.scan(node, null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (MapKnowledge.isOnThis(call.getMethodSelect())) {
          found[0] = true;
        }
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
        return null;
      }

      @Override
      public Void visitClass(ClassTree type, Void unused) {
        return null;
      }
    }.scan(tree, null);
    return found[0];
  }

  /**
   * The next {@code if} outwards from {@code assignment}, after {@code after} (null: the
   * innermost), that has the assignment in its then-branch, within the same method; null when there
   * is none.
   */
  private static IfTree enclosingIf(TreePath assignment, IfTree after) {
    boolean past = after == null;
    TreePath child = assignment;
    for (TreePath path = assignment.getParentPath();
        path != null;
        child = path, path = path.getParentPath()) {
      Tree leaf = path.getLeaf();
      if (leaf instanceof MethodTree
          || leaf instanceof LambdaExpressionTree
          || leaf instanceof ClassTree) {
        return null;
      }
      if (leaf instanceof IfTree test && test.getThenStatement() == child.getLeaf()) {
        if (past) {
          return test;
        }
        past = test == after;
      }
    }
    return null;
  }

  /**
   * {@code f == null}, {@code this.f == null} or {@code null == f}, alone or as an operand of &&.
   */
  private static boolean testsNull(
      ClassFacts facts, FieldFacts field, ExpressionTree condition, TreePath context) {
    ExpressionTree e = MapKnowledge.skipParens(condition);
    if (!(e instanceof BinaryTree binary)) {
      return false;
    }
    if (binary.getKind() == Tree.Kind.CONDITIONAL_AND) {
      return testsNull(facts, field, binary.getLeftOperand(), context)
          || testsNull(facts, field, binary.getRightOperand(), context);
    }
    if (binary.getKind() != Tree.Kind.EQUAL_TO) {
      return false;
    }
    ExpressionTree other =
        MapKnowledge.isNullLiteral(binary.getRightOperand())
            ? binary.getLeftOperand()
            : MapKnowledge.isNullLiteral(binary.getLeftOperand()) ? binary.getRightOperand() : null;
    if (other == null) {
      return false;
    }
    return MapKnowledge.isOnThis(other)
        && field.element().equals(facts.element(MapKnowledge.skipParens(other), context));
  }

  private static boolean assignsEmptyMap(ClassFacts facts, Access access) {
    TreePath assignmentPath = access.site().path().getParentPath();
    return assignmentPath.getLeaf() instanceof AssignmentTree assignment
        && isEmptyMap(facts, assignment.getExpression(), assignmentPath);
  }

  private static boolean assignsNull(Access access) {
    return access.site().path().getParentPath().getLeaf() instanceof AssignmentTree assignment
        && MapKnowledge.isNullLiteral(assignment.getExpression());
  }

  private void report(ClassFacts facts, FieldFacts field, Access access, Consumer<Finding> sink) {
    TreePath assignmentPath = access.site().path().getParentPath();
    AssignmentTree assignment = (AssignmentTree) assignmentPath.getLeaf();
    Tree parent = assignmentPath.getParentPath().getLeaf();
    Tree statement = parent instanceof ExpressionStatementTree ? parent : assignment;
    Shape shape =
        isEmptyMap(facts, assignment.getExpression(), assignmentPath)
            ? Shape.REASSIGN_EMPTY
            : Shape.REASSIGN_VALUE;
    MapTarget map =
        new MapTarget(
            field.element(),
            field,
            field.isConcurrent(),
            field.isSelfLocking(),
            field.name(),
            MapTarget.OWN);
    String message =
        "`"
            + field.name()
            + "` is reassigned without a happens-before edge: other threads may keep using the old"
            + " map indefinitely, or see a half-built new one. "
            + Fixes.preferredFix(facts, shape, map);
    String recipe =
        "Make `"
            + field.name()
            + "` volatile (or a final AtomicReference) and assign only fully built maps, or make it"
            + " a final SnapshotMap and reset it with clear()/swap().";
    FixPlan plan = Fixes.plan(facts, shape, map, statement, List.of(), recipe);
    FixPlan.Position at = facts.position(assignment);
    sink.accept(
        new Finding(
                name(),
                facts.fileName(),
                at.line(),
                at.column(),
                at.offset(),
                message,
                plan,
                // The statement when there is one: javac places an assignment's diagnostic at '='.
                statement == assignment ? assignmentPath : assignmentPath.getParentPath())
            .when(afterPublication(field, access, ignoresParameter(facts, access))));
  }

  /**
   * {@code new ConcurrentHashMap<>()}, {@code Map.of()}, {@code Collections.emptyMap()}: a new map
   * with no entries. A constructor whose arguments are a capacity, a load factor, a comparator or a
   * key class builds an empty map too; only a map argument is copied in.
   */
  private static boolean isEmptyMap(ClassFacts facts, ExpressionTree value, TreePath context) {
    ExpressionTree e = MapKnowledge.skipParens(value);
    if (e instanceof NewClassTree created) {
      return created.getClassBody() == null
          && created.getArguments().stream()
              .noneMatch(argument -> facts.knowledge().isMap(facts.type(argument, context)));
    }
    return e instanceof MethodInvocationTree call && MapKnowledge.isEmptyMapFactory(call);
  }
}
