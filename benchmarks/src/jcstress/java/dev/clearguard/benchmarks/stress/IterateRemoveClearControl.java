package dev.clearguard.benchmarks.stress;

import static dev.clearguard.benchmarks.stress.StressFixtures.FIRST;
import static dev.clearguard.benchmarks.stress.StressFixtures.LAST;
import static dev.clearguard.benchmarks.stress.StressFixtures.OLD_CONTENTS;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZ_Result;

/**
 * Control for {@link SnapshotMapClearAtomicity}: the same race on a {@code ConcurrentHashMap}
 * emptied the way ClearGuard's {@code IterateRemoveClear} rule reports, by removing entries one at
 * a time through an iterator.
 *
 * <p>The clearer removes key 0 first and key 7 last; a reader whose two reads fall between those
 * removals sees "0 gone, 7 still there". That outcome is forbidden in the contract and marked
 * interesting here: {@code jcstress-ci.sh} requires it to be observed, which proves the race can
 * actually expose a partial clear on this machine.
 *
 * <p>Run: {@code ./mvnw -q -Pjcstress -pl benchmarks -am package && java -jar
 * benchmarks/target/jcstress/jcstress.jar -t IterateRemoveClearControl}
 */
@JCStressTest
@Outcome(id = "true, true", expect = ACCEPTABLE, desc = "Both reads before the clear")
@Outcome(id = "false, false", expect = ACCEPTABLE, desc = "Both reads after the clear")
@Outcome(id = "true, false", expect = ACCEPTABLE, desc = "The clear fell between the reads")
@Outcome(id = "false, true", expect = ACCEPTABLE_INTERESTING, desc = "Partly cleared map observed")
@State
public class IterateRemoveClearControl {

  private final ConcurrentHashMap<Integer, Integer> map = new ConcurrentHashMap<>(OLD_CONTENTS);

  @Actor
  public void clearer() {
    for (Iterator<Integer> it = map.keySet().iterator(); it.hasNext(); ) {
      it.next();
      it.remove();
    }
  }

  @Actor
  public void reader(ZZ_Result r) {
    r.r1 = map.get(FIRST) != null;
    r.r2 = map.get(LAST) != null;
  }
}
