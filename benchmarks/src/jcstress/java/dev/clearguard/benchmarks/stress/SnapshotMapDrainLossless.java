package dev.clearguard.benchmarks.stress;

import static dev.clearguard.benchmarks.stress.StressFixtures.NEW;
import static dev.clearguard.benchmarks.stress.StressFixtures.OLD_CONTENTS;
import static dev.clearguard.benchmarks.stress.StressFixtures.RACING_KEY;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.clearguard.runtime.SnapshotMap;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZ_Result;

/**
 * Contract: {@link SnapshotMap#drain()} is lossless; a write racing the drain ends up in exactly
 * one place, the drained result or the map afterwards.
 *
 * <p>The map holds keys 0..7, like a buffer that a flusher empties. A writer puts key 8 while the
 * flusher drains and records whether key 8 is in the batch it got; once both are done, the arbiter
 * records whether key 8 is still in the map. In the batch means it gets flushed now, in the map
 * means the next drain takes it; in neither means it was lost, in both means it is flushed twice.
 * {@link UngatedSwapDrainControl} runs the same race on a reference swap and loses the write.
 *
 * <p>Run: {@code ./mvnw -q -Pjcstress -pl benchmarks -am package && java -jar
 * benchmarks/target/jcstress/jcstress.jar -t SnapshotMapDrainLossless}
 */
@JCStressTest
@Outcome(id = "true, false", expect = ACCEPTABLE, desc = "Drained: the put came first")
@Outcome(
    id = "false, true",
    expect = ACCEPTABLE,
    desc = "Kept for the next drain: the put came second")
@Outcome(id = "false, false", expect = FORBIDDEN, desc = "Lost: neither drained nor in the map")
@Outcome(id = "true, true", expect = FORBIDDEN, desc = "Duplicated: drained and still in the map")
@State
public class SnapshotMapDrainLossless {

  private final SnapshotMap<Integer, Integer> map = new SnapshotMap<>(OLD_CONTENTS);

  @Actor
  public void writer() {
    map.put(RACING_KEY, NEW);
  }

  @Actor
  public void flusher(ZZ_Result r) {
    r.r1 = map.drain().containsKey(RACING_KEY);
  }

  @Arbiter
  public void afterwards(ZZ_Result r) {
    r.r2 = map.containsKey(RACING_KEY);
  }
}
