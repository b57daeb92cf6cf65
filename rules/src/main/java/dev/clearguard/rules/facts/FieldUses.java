package dev.clearguard.rules.facts;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * The fields of the analysed class, for {@link FactsScanner}: declares each one's {@link
 * FieldFacts} (is it a map, concurrent, self-locking, guarded) and records every use of it,
 * classified as a read, an assignment or a mutation, with the scope it happens in.
 */
final class FieldUses {
  private final ClassFacts facts;
  private final LockTracker locks;
  private final SharingSignals signals;

  FieldUses(ClassFacts facts, LockTracker locks, SharingSignals signals) {
    this.facts = facts;
    this.locks = locks;
    this.signals = signals;
  }

  /**
   * Declares a field of {@code owner}, whose code {@code scope} is; {@code classPath}: its class.
   */
  void declare(VariableTree tree, TypeElement owner, TreePath classPath, ScanScope scope) {
    Element element = facts.trees().getElement(new TreePath(classPath, tree));
    if (!(element instanceof VariableElement variable) || element.getKind() != ElementKind.FIELD) {
      return;
    }
    FieldFacts field = new FieldFacts(variable, tree, owner);
    facts.fieldNames.add(tree.getName());
    TypeMirror type = variable.asType();
    MapKnowledge knowledge = facts.knowledge();
    field.markMap(knowledge.isMap(type));
    if (knowledge.isConcurrentType(type)) {
      field.markConcurrent();
    }
    if (knowledge.isConcurrentMap(type)) {
      field.markBuiltForConcurrency();
    }
    if (knowledge.isHashtable(type)) {
      field.markSelfLocking();
    }
    if (SharingSignals.hasAnnotation(tree.getModifiers(), "GuardedBy")) {
      field.markGuardedBy();
    }
    if (variable.getModifiers().contains(Modifier.VOLATILE) || knowledge.signalsSharing(type)) {
      boolean isStatic = variable.getModifiers().contains(Modifier.STATIC);
      if (!signals.alreadyShared(scope, isStatic)) {
        signals.markShared(scope, isStatic);
      }
    }
    facts.fields.put(element, field);
  }

  /** A value assigned to {@code field}: a concurrent map (or a synchronized wrapper) marks it. */
  void noteAssignedValue(FieldFacts field, ExpressionTree value, TreePath context) {
    field.addAssignedValue(value);
    if (!field.isMap()) {
      return;
    }
    TypeMirror type = facts.type(value, context);
    MapKnowledge knowledge = facts.knowledge();
    if (knowledge.isConcurrentType(type)) {
      field.markConcurrent();
      if (knowledge.isHashtable(type)) {
        field.markSelfLocking();
      }
      if (knowledge.isConcurrentMap(type)) {
        field.markBuiltForConcurrency();
      }
    } else if (MapKnowledge.isSynchronizedWrapperCall(value)) {
      field.markConcurrent();
      field.markSelfLocking();
      field.markBuiltForConcurrency();
    }
  }

  /**
   * Records a use of a field declared in this class, classified by what it does: {@code path} is a
   * name or member select that names one of the class's field names.
   */
  void noteUse(TreePath path, ScanScope scope) {
    Element element = facts.trees().getElement(path);
    if (element == null) {
      facts.checkType(path);
      return;
    }
    if (element.getKind() != ElementKind.FIELD) {
      return;
    }
    FieldFacts field = facts.fields.get(element);
    if (field == null) {
      return;
    }
    Tree leaf = path.getLeaf();
    Tree parent = path.getParentPath().getLeaf();
    boolean onThis = isOwnField(leaf, path);
    Access.Kind kind = Access.Kind.READ;
    if (parent instanceof AssignmentTree assignment && assignment.getVariable() == leaf) {
      kind = Access.Kind.ASSIGN;
      noteAssignedValue(field, assignment.getExpression(), path.getParentPath());
      locks.noteLockHalf(field, assignment.getExpression(), path.getParentPath());
    } else if (isMutation(path)) {
      kind = Access.Kind.MUTATE;
    }
    if (scope.handedOff()) {
      field.markHandedOff();
    }
    field.addAccess(new Access(scope.site(path), kind, onThis));
  }

  /** {@code f}, {@code this.f}, {@code Outer.this.f} or {@code Owner.f}; not {@code other.f}. */
  private boolean isOwnField(Tree leaf, TreePath path) {
    if (leaf instanceof IdentifierTree) {
      return true;
    }
    if (!(leaf instanceof MemberSelectTree select)) {
      return false;
    }
    ExpressionTree qualifier = MapKnowledge.skipParens(select.getExpression());
    if (MapKnowledge.isThis(qualifier)) {
      return true;
    }
    Element element = facts.element(qualifier, path);
    return element instanceof TypeElement;
  }

  /** {@code f.put(..)}, {@code f.keySet().remove(..)} and other calls that change the map. */
  private static boolean isMutation(TreePath path) {
    TreePath select = path.getParentPath();
    if (!(select.getLeaf() instanceof MemberSelectTree member)
        || !(select.getParentPath().getLeaf() instanceof MethodInvocationTree call)
        || call.getMethodSelect() != member) {
      return false;
    }
    String name = member.getIdentifier().toString();
    if (MapKnowledge.MUTATORS.contains(name)) {
      return true;
    }
    if (!MapKnowledge.VIEWS.contains(name)) {
      return false;
    }
    TreePath viewSelect = select.getParentPath().getParentPath();
    return viewSelect.getLeaf() instanceof MemberSelectTree viewMember
        && MapKnowledge.VIEW_REMOVALS.contains(viewMember.getIdentifier().toString());
  }
}
