package dev.clearguard.rules.facts;

/**
 * A lock held at some point of the code.
 *
 * @param key what is locked: the {@link javax.lang.model.element.Element} of a lock variable or of
 *     a {@code synchronized} field, or a string such as {@code this:com.example.Cache}
 * @param mode how it is held
 */
public record Lock(Object key, Mode mode) {

  /** How a lock is held; a read-write lock's two halves share one key. */
  public enum Mode {
    /** A monitor or a plain {@code Lock}: excludes readers and writers alike. */
    EXCLUSIVE,
    /** The read half of a {@code ReadWriteLock}: only excludes writers. */
    READ,
    /** The write half of a {@code ReadWriteLock}. */
    WRITE
  }

  /** Whether holding this lock orders an access against every other access under the same key. */
  public boolean guards(boolean write) {
    return !write || mode != Mode.READ;
  }
}
