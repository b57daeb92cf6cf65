package dev.clearguard.rules.facts;

import javax.lang.model.element.Element;

/**
 * A map that other threads can reach: a field, a concurrent-map parameter, or a local alias of a
 * field.
 *
 * @param element the field or parameter
 * @param field its facts when it is a field of the analysed class, else null
 * @param concurrent whether it is a concurrent map (see {@link FieldFacts#isConcurrent()})
 * @param selfLocking whether it synchronises on itself (Hashtable, synchronizedMap)
 * @param text the expression as written, for messages
 * @param owner which object's field it is: {@link #OWN} for the class's own and static fields and
 *     for parameters, the qualifying variable's element for {@code other.m}, or null when unknown
 *     (a call result, or a local that is reassigned)
 */
public record MapTarget(
    Element element,
    FieldFacts field,
    boolean concurrent,
    boolean selfLocking,
    String text,
    Object owner) {
  /** The owner of the class's own fields, its static fields and parameters. */
  public static final Object OWN = "own";

  /**
   * Whether both name one map: the same field of the same object. {@code a.m} and {@code b.m} are
   * different maps, and so are two uses whose owner is unknown.
   */
  public boolean sameMap(MapTarget other) {
    return other != null
        && element.equals(other.element)
        && owner != null
        && owner.equals(other.owner);
  }

  public String name() {
    return element.getSimpleName().toString();
  }
}
