package dev.clearguard.benchmarks.stress;

import static dev.clearguard.benchmarks.stress.StressFixtures.NEW;
import static dev.clearguard.benchmarks.stress.StressFixtures.OLD_CONTENTS;
import static dev.clearguard.benchmarks.stress.StressFixtures.RACING_KEY;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZ_Result;

/**
 * Control for {@link SnapshotMapDrainLossless}: the same race on the hand-made drain, swapping a
 * fresh {@code ConcurrentHashMap} into the field and keeping the old one as the batch.
 *
 * <p>The field is {@code volatile}, so this is already the publication fix for ClearGuard's {@code
 * UnsafeMapReassignment}; it still has no gate. The writer loads the field, the flusher swaps it
 * and looks at the old map, and only then does the writer's {@code put} land in that old map, which
 * nobody will look at again: the write is lost. A plain (non-volatile) field allows every
 * interleaving this one does and more, so it loses writes at least as easily. The lost outcome is
 * forbidden in the contract and marked interesting here; {@code jcstress-ci.sh} requires it.
 *
 * <p>Run: {@code ./mvnw -q -Pjcstress -pl benchmarks -am package && java -jar
 * benchmarks/target/jcstress/jcstress.jar -t UngatedSwapDrainControl}
 */
@JCStressTest
@Outcome(id = "true, false", expect = ACCEPTABLE, desc = "Drained: the put came first")
@Outcome(
    id = "false, true",
    expect = ACCEPTABLE,
    desc = "Kept for the next drain: the put came second")
@Outcome(
    id = "false, false",
    expect = ACCEPTABLE_INTERESTING,
    desc = "Lost: neither drained nor in the map")
@Outcome(id = "true, true", expect = FORBIDDEN, desc = "Duplicated: drained and still in the map")
@State
public class UngatedSwapDrainControl {

  private volatile ConcurrentHashMap<Integer, Integer> map = new ConcurrentHashMap<>(OLD_CONTENTS);

  @Actor
  public void writer() {
    map.put(RACING_KEY, NEW);
  }

  @Actor
  public void flusher(ZZ_Result r) {
    Map<Integer, Integer> batch = map;
    map = new ConcurrentHashMap<>();
    r.r1 = batch.containsKey(RACING_KEY);
  }

  @Arbiter
  public void afterwards(ZZ_Result r) {
    r.r2 = map.containsKey(RACING_KEY);
  }
}
