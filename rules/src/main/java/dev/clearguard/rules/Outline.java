package dev.clearguard.rules;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import dev.clearguard.rules.facts.MapKnowledge;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.Name;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * What a quick look at a class shows before any analysis: the names of the methods it calls,
 * whether it has {@code synchronized} blocks, whether it has map fields that can be reassigned.
 * Enough for a rule to tell that it has nothing to report, so that most classes of a large build
 * are never analysed (see {@link Rule#mayReport}).
 *
 * <p>It comes from one plain walk over the class's trees that keeps no paths and resolves nothing
 * but the fields' types, made the first time a rule asks.
 */
public final class Outline {
  private final CompilationUnitTree unit;
  private final ClassTree topLevel;
  private final Trees trees;
  private final MapKnowledge knowledge;

  private Set<Name> calledNames;
  private boolean synchronizedStatement;
  private boolean mutableMapField;

  /** Why the walk failed, thrown again to every question: no answer comes from half a walk. */
  private RuntimeException failure;

  private Outline(
      CompilationUnitTree unit, ClassTree topLevel, Trees trees, Types types, Elements elements) {
    this.unit = unit;
    this.topLevel = topLevel;
    this.trees = trees;
    this.knowledge = MapKnowledge.of(types, elements);
  }

  public static Outline of(
      CompilationUnitTree unit, ClassTree topLevel, Trees trees, Types types, Elements elements) {
    return new Outline(unit, topLevel, trees, types, elements);
  }

  /**
   * Whether the class (nested classes, lambdas and anonymous classes included) calls a method with
   * one of these simple names, or takes a method reference to one ({@code map::remove}).
   */
  public boolean calls(String... methodNames) {
    walk();
    for (String methodName : methodNames) {
      if (calledNames.contains(knowledge.name(methodName))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the class has a {@code synchronized (..) { }} statement anywhere. */
  public boolean hasSynchronizedStatement() {
    walk();
    return synchronizedStatement;
  }

  /**
   * Whether the class, or a class declared inside it (member, local or anonymous), declares a field
   * of a {@code java.util.Map} type that is not {@code final}: the only kind of map field that can
   * be reassigned.
   */
  public boolean declaresMutableMapField() {
    walk();
    return mutableMapField;
  }

  private void walk() {
    if (failure != null) {
      throw failure;
    }
    if (calledNames != null) {
      return;
    }
    Set<Name> called = new HashSet<>();
    boolean[] found = new boolean[2]; // a synchronized statement, a mutable map field
    TreePath unitPath = new TreePath(unit);
    try {
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
          Tree select = tree.getMethodSelect();
          if (select instanceof MemberSelectTree member) {
            called.add(member.getIdentifier());
          } else if (select instanceof IdentifierTree identifier) {
            called.add(identifier.getName());
          }
          return super.visitMethodInvocation(tree, unused);
        }

        @Override
        public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
          called.add(tree.getName());
          return super.visitMemberReference(tree, unused);
        }

        @Override
        public Void visitSynchronized(SynchronizedTree tree, Void unused) {
          found[0] = true;
          return super.visitSynchronized(tree, unused);
        }

        @Override
        public Void visitClass(ClassTree tree, Void unused) {
          if (!found[1]) {
            for (Tree member : tree.getMembers()) {
              if (member instanceof VariableTree variable
                  && isMutableMapField(unitPath, variable)) {
                found[1] = true;
                break;
              }
            }
          }
          return super.visitClass(tree, unused);
        }
      }.scan(topLevel, null);
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    }
    synchronizedStatement = found[0];
    mutableMapField = found[1];
    calledNames = called;
  }

  private boolean isMutableMapField(TreePath unitPath, VariableTree variable) {
    if (variable.getModifiers().getFlags().contains(Modifier.FINAL)) {
      return false;
    }
    // A declaration's element is recorded on the declaration itself: any enclosing path will do.
    Element field = trees.getElement(new TreePath(unitPath, variable));
    return field == null // unresolved: assume the worst
        || (field.getKind() == ElementKind.FIELD
            && !field.getModifiers().contains(Modifier.FINAL) // interface fields are implicitly
            && knowledge.isMap(field.asType()));
  }
}
