package dev.clearguard.rules.facts;

import javax.lang.model.element.TypeElement;

/**
 * Code that runs while an object (or, for static code, a class) is still being set up, before any
 * other thread can reach it: a constructor, an initialiser, {@code @PostConstruct}, {@code
 * readObject}, a test fixture.
 *
 * @param type the class being set up
 * @param isStatic whether the class itself is being initialised (static initialisers, static
 *     fixtures) rather than an instance
 * @param fixture whether this is a test fixture ({@code @BeforeEach}, {@code setUp}, ...): test
 *     frameworks run a class's fixtures and tests one after another, so a fixture also sets up the
 *     class's static fields before any test can share them
 */
public record Publishing(TypeElement type, boolean isStatic, boolean fixture) {

  /**
   * Whether a use of {@code field} here happens before the field's holder is shared: the field
   * belongs to what is being set up. A constructor writing a static field, or another object's
   * field, writes something that may already be shared.
   */
  public boolean covers(FieldFacts field, boolean onThis) {
    if (!type.equals(field.owner())) {
      return false;
    }
    return field.isStatic() ? isStatic || fixture : !isStatic && onThis;
  }
}
