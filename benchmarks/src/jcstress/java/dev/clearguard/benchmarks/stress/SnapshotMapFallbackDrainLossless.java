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
 * Contract: {@link SnapshotMap#drain()} is lossless also for a write that cannot take its thread's
 * announcement slot and registers on the generation's fallback counter instead.
 *
 * <p>A writer announces itself in a slot of a table shared by every SnapshotMap; when the slot is
 * held it counts itself on a striped counter of the generation. Here the slot is held by the
 * writer's own enclosing write: it puts key 8 into {@code map} from inside a {@code compute} on
 * {@code outer}, so the put into {@code map} takes the fallback path while the flusher drains
 * {@code map}. As in {@link SnapshotMapDrainLossless}, key 8 must end up in exactly one of the
 * drained batch and the map afterwards. {@link UngatedSwapDrainControl} runs the same race without
 * any registration and loses the write.
 *
 * <p>Run: {@code ./mvnw -q -Pjcstress -pl benchmarks -am package && java -jar
 * benchmarks/target/jcstress/jcstress.jar -t SnapshotMapFallbackDrainLossless}
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
public class SnapshotMapFallbackDrainLossless {

  private final SnapshotMap<Integer, Integer> outer = new SnapshotMap<>();
  private final SnapshotMap<Integer, Integer> map = new SnapshotMap<>(OLD_CONTENTS);

  @Actor
  public void writer() {
    outer.compute(
        RACING_KEY,
        (k, v) -> {
          map.put(RACING_KEY, NEW);
          return NEW;
        });
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
