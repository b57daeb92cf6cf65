package dev.clearguard.rules.facts;

import com.sun.source.util.TreePath;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * What holds at the code {@link FactsScanner} is in: the class whose code it is, the locks held,
 * what is being set up, the method whose body it is, whether it is static, whether it was handed to
 * another thread. Immutable: code that changes any of it (a class, a method, an initialiser, a
 * lambda, a {@code synchronized} block, a taken lock) scans under a new scope, entered and left in
 * {@code FactsScanner.withScope}, the one place where a scope is saved and restored.
 *
 * @param type the innermost class being scanned, or null outside every class
 * @param declaredIn the scope in which {@code type} was declared (its enclosing code), or null
 * @param held the locks held here, innermost last
 * @param publishing what this code sets up before it can be shared, or null
 * @param method the method whose body runs this code directly (not through a lambda or a nested
 *     class), or null
 * @param isStatic whether the code is static: a static method, initialiser or field
 * @param handedOff whether the code is handed to another thread: an executor's task, a thread's
 */
record ScanScope(
    TypeElement type,
    ScanScope declaredIn,
    List<Lock> held,
    Publishing publishing,
    ExecutableElement method,
    boolean isStatic,
    boolean handedOff) {

  /** Before the top-level class. */
  static final ScanScope OUTSIDE = new ScanScope(null, null, List.of(), null, null, false, false);

  /**
   * The code of {@code type}, declared here. A nested, local or anonymous class's code runs on its
   * own schedule: no lock of the enclosing code is held there, and it can run after publication.
   */
  ScanScope enterClass(TypeElement type, boolean handedOff) {
    return new ScanScope(type, this, List.of(), null, null, false, handedOff);
  }

  /**
   * A member of the current class: a method's body, a field's initialiser, an initialiser block.
   */
  ScanScope member(
      List<Lock> held, Publishing publishing, ExecutableElement method, boolean isStatic) {
    return new ScanScope(type, declaredIn, held, publishing, method, isStatic, handedOff);
  }

  /**
   * A lambda's body, which runs whenever its caller decides: nothing held around it is held inside.
   */
  ScanScope detached(boolean handedOff) {
    return new ScanScope(type, declaredIn, List.of(), null, null, isStatic, handedOff);
  }

  /** The same code, holding {@code locks}. */
  ScanScope holding(List<Lock> locks) {
    return new ScanScope(type, declaredIn, locks, publishing, method, isStatic, handedOff);
  }

  /** The same code, handed to another thread or not. */
  ScanScope handingOff(boolean handedOff) {
    return new ScanScope(type, declaredIn, held, publishing, method, isStatic, handedOff);
  }

  /** The place {@code path} with what holds there. */
  Site site(TreePath path) {
    return new Site(path, publishing, held, method);
  }
}
