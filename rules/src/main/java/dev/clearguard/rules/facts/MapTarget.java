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
 */
public record MapTarget(
    Element element, FieldFacts field, boolean concurrent, boolean selfLocking, String text) {

  public boolean sameMap(MapTarget other) {
    return other != null && element.equals(other.element);
  }

  public String name() {
    return element.getSimpleName().toString();
  }
}
