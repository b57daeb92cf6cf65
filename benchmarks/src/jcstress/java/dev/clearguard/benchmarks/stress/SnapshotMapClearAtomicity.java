package dev.clearguard.benchmarks.stress;

import static dev.clearguard.benchmarks.stress.StressFixtures.FIRST;
import static dev.clearguard.benchmarks.stress.StressFixtures.LAST;
import static dev.clearguard.benchmarks.stress.StressFixtures.OLD_CONTENTS;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.clearguard.runtime.SnapshotMap;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZ_Result;

/**
 * Contract: {@link SnapshotMap#clear()} is atomic; a reader never sees a partly cleared map.
 *
 * <p>The map holds keys 0..7. One thread clears it; another reads key 0 and then key 7 and records
 * whether each was present. A reader that finds key 0 gone has read after the clear, so its later
 * read must find key 7 gone as well: "0 gone, 7 still there" means it looked at a half-cleared map.
 * {@link IterateRemoveClearControl} runs the same race on the anti-pattern and shows that outcome.
 *
 * <p>Run: {@code ./mvnw -q -Pjcstress -pl benchmarks -am package && java -jar
 * benchmarks/target/jcstress/jcstress.jar -t SnapshotMapClearAtomicity}
 */
@JCStressTest
@Outcome(id = "true, true", expect = ACCEPTABLE, desc = "Both reads before the clear")
@Outcome(id = "false, false", expect = ACCEPTABLE, desc = "Both reads after the clear")
@Outcome(id = "true, false", expect = ACCEPTABLE, desc = "The clear fell between the reads")
@Outcome(id = "false, true", expect = FORBIDDEN, desc = "Partly cleared map observed")
@State
public class SnapshotMapClearAtomicity {

  private final SnapshotMap<Integer, Integer> map = new SnapshotMap<>(OLD_CONTENTS);

  @Actor
  public void clearer() {
    map.clear();
  }

  @Actor
  public void reader(ZZ_Result r) {
    r.r1 = map.get(FIRST) != null;
    r.r2 = map.get(LAST) != null;
  }
}
