package dev.clearguard.rules;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.Arrays;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * {@code @SuppressWarnings("RuleName")} and {@code @SuppressWarnings("ClearGuard")} on any
 * enclosing declaration silence a finding; so does {@code @Generated} (any package's), since nobody
 * edits generated code by hand.
 *
 * <p>It lives beside the rules rather than in the javac plugin so that every front end (the plugin,
 * Error Prone, the Maven plugin) suppresses exactly the same findings.
 */
public final class Suppression {
  /** The key that silences every ClearGuard rule. */
  public static final String ALL_RULES = "ClearGuard";

  private Suppression() {}

  /**
   * Whether {@code @SuppressWarnings} on the declaration itself names the rule (or ClearGuard):
   * used for the field a finding is about, so that annotating a field silences the rule for it.
   */
  public static boolean isSuppressedOn(Element declaration, String rule) {
    SuppressWarnings suppress = declaration.getAnnotation(SuppressWarnings.class);
    return suppress != null
        && Arrays.stream(suppress.value())
            .anyMatch(key -> key.equals(rule) || key.equals(ALL_RULES));
  }

  public static boolean isSuppressed(Trees trees, TreePath path, String rule) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (!(leaf instanceof ClassTree
          || leaf instanceof MethodTree
          || leaf instanceof VariableTree)) {
        continue;
      }
      Element element = trees.getElement(p);
      if (element == null) {
        continue;
      }
      SuppressWarnings suppress = element.getAnnotation(SuppressWarnings.class);
      if (suppress != null
          && Arrays.stream(suppress.value())
              .anyMatch(key -> key.equals(rule) || key.equals(ALL_RULES))) {
        return true;
      }
      for (AnnotationMirror annotation : element.getAnnotationMirrors()) {
        if (annotation.getAnnotationType().asElement().getSimpleName().contentEquals("Generated")) {
          return true;
        }
      }
    }
    return false;
  }
}
