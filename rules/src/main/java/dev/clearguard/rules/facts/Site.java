package dev.clearguard.rules.facts;

import com.sun.source.util.TreePath;
import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * A place in the analysed class with what holds there.
 *
 * @param path the tree at this place
 * @param publishing what this code sets up before it can be shared (constructors, initialisers,
 *     {@code @PostConstruct}, {@code readObject}/{@code readResolve}, test fixtures), or null
 * @param locks the locks held here, innermost last
 * @param method the method whose body runs this code directly (not through a lambda or a nested
 *     class), or null
 */
public record Site(
    TreePath path, Publishing publishing, List<Lock> locks, ExecutableElement method) {

  public Site {
    locks = List.copyOf(locks);
  }

  /** Whether this code runs while something is still being set up. */
  public boolean prePublication() {
    return publishing != null;
  }

  /** Whether a use of {@code field} here happens before the field's holder is shared. */
  public boolean beforePublicationOf(FieldFacts field, boolean onThis) {
    return publishing != null && publishing.covers(field, onThis);
  }

  /** Whether a lock with this key is held in a mode that guards a read (or a write). */
  public boolean holds(Object key, boolean write) {
    for (Lock lock : locks) {
      if (lock.key().equals(key) && lock.guards(write)) {
        return true;
      }
    }
    return false;
  }
}
