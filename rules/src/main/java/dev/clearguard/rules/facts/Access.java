package dev.clearguard.rules.facts;

/**
 * One use of a field in the analysed class.
 *
 * @param site where it happens
 * @param kind what the use does
 * @param onThis whether the field is this object's own (or a static field): {@code f}, {@code
 *     this.f}, {@code Owner.f}; false for {@code other.f}
 */
public record Access(Site site, Kind kind, boolean onThis) {

  /** What a use of a field does. */
  public enum Kind {
    /** Assigns the field: {@code f = ...}. */
    ASSIGN,
    /** Changes the map the field holds: {@code f.put(..)}, {@code f.keySet().remove(..)}. */
    MUTATE,
    /** Anything else: reads the reference, and maybe the map through it. */
    READ
  }
}
