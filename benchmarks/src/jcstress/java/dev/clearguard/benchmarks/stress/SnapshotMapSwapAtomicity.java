package dev.clearguard.benchmarks.stress;

import static dev.clearguard.benchmarks.stress.StressFixtures.FIRST;
import static dev.clearguard.benchmarks.stress.StressFixtures.LAST;
import static dev.clearguard.benchmarks.stress.StressFixtures.NEW_CONTENTS;
import static dev.clearguard.benchmarks.stress.StressFixtures.OLD_CONTENTS;
import static dev.clearguard.benchmarks.stress.StressFixtures.observed;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.clearguard.runtime.SnapshotMap;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Contract: {@link SnapshotMap#swap(java.util.Map)} is atomic; a reader sees the old contents or
 * the new, never an empty map or a mix.
 *
 * <p>This is the configuration reload: keys 0..7 map to 1 (old) and a reload installs the same keys
 * mapped to 2 (new). A reader records what it finds under key 0 and then key 7 (0 for absent). "1,
 * 1", "2, 2" and "1, 2" (the swap fell between the reads) are the only possible observations of an
 * atomic swap; a 0 means the reader saw an empty or partial map, and "2, 1" would mean new contents
 * followed by old. {@link ClearThenPutAllSwapControl} runs the same race on the anti-pattern and
 * shows the reader a missing key.
 *
 * <p>Run: {@code ./mvnw -q -Pjcstress -pl benchmarks -am package && java -jar
 * benchmarks/target/jcstress/jcstress.jar -t SnapshotMapSwapAtomicity}
 */
@JCStressTest
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "Both reads saw the old contents")
@Outcome(id = "2, 2", expect = ACCEPTABLE, desc = "Both reads saw the new contents")
@Outcome(id = "1, 2", expect = ACCEPTABLE, desc = "The swap fell between the reads")
@Outcome(id = "0, 0", expect = FORBIDDEN, desc = "Empty map observed")
@Outcome(id = "0, .*", expect = FORBIDDEN, desc = "Partly cleared map observed")
@Outcome(id = ".*, 0", expect = FORBIDDEN, desc = "Partly refilled map observed")
@Outcome(expect = FORBIDDEN, desc = "New contents, then old")
@State
public class SnapshotMapSwapAtomicity {

  private final SnapshotMap<Integer, Integer> map = new SnapshotMap<>(OLD_CONTENTS);

  @Actor
  public void reloader() {
    map.swap(NEW_CONTENTS);
  }

  @Actor
  public void reader(II_Result r) {
    r.r1 = observed(map.get(FIRST));
    r.r2 = observed(map.get(LAST));
  }
}
