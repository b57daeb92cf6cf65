package dev.clearguard.rules.facts;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.VariableTree;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/** What ClearGuard knows about one field declared in the analysed class or its nested classes. */
public final class FieldFacts {
  private final VariableElement element;
  private final VariableTree tree;
  private final TypeElement owner;
  private final List<ExpressionTree> assignedValues = new ArrayList<>();
  private final List<Access> accesses = new ArrayList<>();
  private boolean map;
  private boolean concurrent;
  private boolean selfLocking;
  private boolean guardedBy;
  private boolean builtForConcurrency;
  private boolean handedOff;

  FieldFacts(VariableElement element, VariableTree tree, TypeElement owner) {
    this.element = element;
    this.tree = tree;
    this.owner = owner;
  }

  public VariableElement element() {
    return element;
  }

  public VariableTree tree() {
    return tree;
  }

  /** The class that declares the field. */
  public TypeElement owner() {
    return owner;
  }

  public String name() {
    return element.getSimpleName().toString();
  }

  public boolean isFinal() {
    return element.getModifiers().contains(Modifier.FINAL);
  }

  public boolean isVolatile() {
    return element.getModifiers().contains(Modifier.VOLATILE);
  }

  public boolean isStatic() {
    return element.getModifiers().contains(Modifier.STATIC);
  }

  /** Whether the declared type is a {@code java.util.Map}. */
  public boolean isMap() {
    return map;
  }

  /**
   * Whether the map is concurrent: its declared type is a ConcurrentMap or Hashtable, or it is
   * declared {@code Map} and initialised or assigned with one, or with {@code
   * Collections.synchronizedMap(..)}.
   */
  public boolean isConcurrent() {
    return concurrent;
  }

  /**
   * Whether the map is built for concurrent use: a {@code ConcurrentMap} by declaration or by
   * value, or {@code Collections.synchronizedMap(..)}; not a {@code Hashtable} or {@code
   * Properties}, which is no evidence of sharing on its own.
   */
  public boolean isBuiltForConcurrency() {
    return builtForConcurrency;
  }

  /** Whether the field is used inside code handed to another thread (a task, a listener). */
  public boolean isHandedOff() {
    return handedOff;
  }

  /** Whether the map synchronises on itself (Hashtable, {@code Collections.synchronizedMap}). */
  public boolean isSelfLocking() {
    return selfLocking;
  }

  /** Whether the field carries a {@code @GuardedBy} annotation of any of the known libraries. */
  public boolean isGuardedBy() {
    return guardedBy;
  }

  /** The initialiser and every value assigned to the field anywhere in the class. */
  public List<ExpressionTree> assignedValues() {
    return Collections.unmodifiableList(assignedValues);
  }

  /** Every use of the field in the analysed class, in source order. */
  public List<Access> accesses() {
    return Collections.unmodifiableList(accesses);
  }

  /** The uses outside pre-publication code: the ones other threads can race with. */
  public List<Access> sharedAccesses() {
    return accesses.stream().filter(a -> !a.site().beforePublicationOf(this, a.onThis())).toList();
  }

  /** Whether the field is assigned after its object can be shared: a real reassignment. */
  public boolean isReassigned() {
    return accesses.stream()
        .anyMatch(
            a ->
                a.kind() == Access.Kind.ASSIGN
                    && a.onThis()
                    && !a.site().beforePublicationOf(this, true));
  }

  void markMap(boolean value) {
    map = value;
  }

  void markConcurrent() {
    concurrent = true;
  }

  void markBuiltForConcurrency() {
    builtForConcurrency = true;
  }

  void markHandedOff() {
    handedOff = true;
  }

  void markSelfLocking() {
    selfLocking = true;
  }

  void markGuardedBy() {
    guardedBy = true;
  }

  void addAssignedValue(ExpressionTree value) {
    assignedValues.add(value);
  }

  void adjustSites(java.util.function.UnaryOperator<Site> adjust) {
    accesses.replaceAll(a -> new Access(adjust.apply(a.site()), a.kind(), a.onThis()));
  }

  void addAccess(Access access) {
    accesses.add(access);
  }
}
