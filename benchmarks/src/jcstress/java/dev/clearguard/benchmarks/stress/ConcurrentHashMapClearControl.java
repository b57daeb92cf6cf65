package dev.clearguard.benchmarks.stress;

import static dev.clearguard.benchmarks.stress.StressFixtures.FIRST;
import static dev.clearguard.benchmarks.stress.StressFixtures.LAST;
import static dev.clearguard.benchmarks.stress.StressFixtures.OLD_CONTENTS;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;

import java.util.concurrent.ConcurrentHashMap;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZ_Result;

/**
 * Second control for {@link SnapshotMapClearAtomicity}: the same race against {@code
 * ConcurrentHashMap.clear()} itself, the "minimal" fix ClearGuard offers when SnapshotMap is not
 * available. {@code ConcurrentHashMap.clear()} locks and empties one bin at a time, so it is no
 * more atomic than the loop it replaces; this control shows it (it only closes the lost-write
 * window of removal by key).
 *
 * <p>Run: {@code ./mvnw -q -Pjcstress -pl benchmarks -am package && java -jar
 * benchmarks/target/jcstress/jcstress.jar -t ConcurrentHashMapClearControl}
 */
@JCStressTest
@Outcome(id = "true, true", expect = ACCEPTABLE, desc = "Both reads before the clear")
@Outcome(id = "false, false", expect = ACCEPTABLE, desc = "Both reads after the clear")
@Outcome(id = "true, false", expect = ACCEPTABLE, desc = "The clear fell between the reads")
@Outcome(id = "false, true", expect = ACCEPTABLE_INTERESTING, desc = "Partly cleared map observed")
@State
public class ConcurrentHashMapClearControl {

  private final ConcurrentHashMap<Integer, Integer> map = new ConcurrentHashMap<>(OLD_CONTENTS);

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
