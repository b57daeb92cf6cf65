package dev.clearguard.benchmarks.stress;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Map contents shared by each contract and its control, so that both race on identical data.
 *
 * <p>The keys are the {@code Integer}s {@code 0..SIZE-1}. An {@code Integer} hashes to itself, so a
 * {@code ConcurrentHashMap} keeps these keys in bins {@code 0..SIZE-1} and both its {@code clear()}
 * and its iterators reach {@link #FIRST} before {@link #LAST}. The readers in the tests read {@code
 * FIRST} and then {@code LAST}: that is the order in which a clear that removes entries one at a
 * time exposes itself ("first already gone, last still there"). Eight entries rather than two widen
 * the window between those two removals, which makes the controls fail often enough to be seen
 * within a short CI run; the contracts get the same wide window.
 */
final class StressFixtures {

  static final int SIZE = 8;
  static final Integer FIRST = 0;
  static final Integer LAST = SIZE - 1;

  /** A key that is not among the initial contents: the value a writer races a drain with. */
  static final Integer RACING_KEY = SIZE;

  /** Value of every entry before a swap, and in the maps that start full. */
  static final Integer OLD = 1;

  /** Value of every entry the swap installs. */
  static final Integer NEW = 2;

  static final Map<Integer, Integer> OLD_CONTENTS = contents(OLD);
  static final Map<Integer, Integer> NEW_CONTENTS = contents(NEW);

  private StressFixtures() {}

  /** What a reader records for a {@code get}: the value, or 0 when the key is absent. */
  static int observed(Integer value) {
    return value == null ? 0 : value;
  }

  private static Map<Integer, Integer> contents(Integer value) {
    // Insertion-ordered, so a putAll from it is deterministic too.
    Map<Integer, Integer> m = new LinkedHashMap<>();
    for (int k = 0; k < SIZE; k++) {
      m.put(k, value);
    }
    return Collections.unmodifiableMap(m);
  }
}
