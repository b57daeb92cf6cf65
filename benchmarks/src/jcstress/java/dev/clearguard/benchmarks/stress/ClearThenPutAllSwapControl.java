package dev.clearguard.benchmarks.stress;

import static dev.clearguard.benchmarks.stress.StressFixtures.FIRST;
import static dev.clearguard.benchmarks.stress.StressFixtures.LAST;
import static dev.clearguard.benchmarks.stress.StressFixtures.NEW_CONTENTS;
import static dev.clearguard.benchmarks.stress.StressFixtures.OLD_CONTENTS;
import static dev.clearguard.benchmarks.stress.StressFixtures.observed;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;

import java.util.concurrent.ConcurrentHashMap;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Control for {@link SnapshotMapSwapAtomicity}: the same reload done the way ClearGuard's {@code
 * ClearThenRefill} rule reports, {@code clear()} followed by {@code putAll} on a {@code
 * ConcurrentHashMap}.
 *
 * <p>A reader that runs between the two calls finds key 0 missing (and usually key 7 as well): the
 * configuration briefly does not exist. Every outcome with a 0 is forbidden in the contract and
 * interesting here; {@code jcstress-ci.sh} requires at least one of them to be observed.
 *
 * <p>Run: {@code ./mvnw -q -Pjcstress -pl benchmarks -am package && java -jar
 * benchmarks/target/jcstress/jcstress.jar -t ClearThenPutAllSwapControl}
 */
@JCStressTest
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "Both reads saw the old contents")
@Outcome(id = "2, 2", expect = ACCEPTABLE, desc = "Both reads saw the new contents")
@Outcome(id = "1, 2", expect = ACCEPTABLE, desc = "The swap fell between the reads")
@Outcome(id = "0, 0", expect = ACCEPTABLE_INTERESTING, desc = "Empty map observed")
@Outcome(id = "0, .*", expect = ACCEPTABLE_INTERESTING, desc = "Partly cleared map observed")
@Outcome(id = ".*, 0", expect = ACCEPTABLE_INTERESTING, desc = "Partly refilled map observed")
@Outcome(expect = ACCEPTABLE_INTERESTING, desc = "New contents, then old")
@State
public class ClearThenPutAllSwapControl {

  private final ConcurrentHashMap<Integer, Integer> map = new ConcurrentHashMap<>(OLD_CONTENTS);

  @Actor
  public void reloader() {
    map.clear();
    map.putAll(NEW_CONTENTS);
  }

  @Actor
  public void reader(II_Result r) {
    r.r1 = observed(map.get(FIRST));
    r.r2 = observed(map.get(LAST));
  }
}
