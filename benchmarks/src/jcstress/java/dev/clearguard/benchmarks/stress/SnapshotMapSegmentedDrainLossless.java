package dev.clearguard.benchmarks.stress;

import static dev.clearguard.benchmarks.stress.StressFixtures.NEW;
import static dev.clearguard.benchmarks.stress.StressFixtures.OLD_CONTENTS;
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
 * Contract (issue #14): {@link SnapshotMap#drain()} stays lossless when the contents are split into
 * segments and the racing write is the one that creates its segment.
 *
 * <p>As {@link SnapshotMapDrainLossless}, but the map is sized for {@link #SEGMENTED_SIZE} entries,
 * which a generation keeps in two segments created by their first write. Keys 0..7 live in the
 * first segment; the writer puts {@link #OTHER_SEGMENT_KEY}, whose segment does not exist yet, so
 * its put publishes the segment while the flusher drains. The drained map must then hold the key,
 * or the map afterwards must; neither means the new segment was lost with the write, both that the
 * write reached two generations. {@link UngatedSwapDrainControl} is the control.
 *
 * <p>Run: {@code ./mvnw -q -Pjcstress -pl benchmarks -am package && java -jar
 * benchmarks/target/jcstress/jcstress.jar -t SnapshotMapSegmentedDrainLossless}
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
public class SnapshotMapSegmentedDrainLossless {

  /** Twice the entries a generation keeps in one table: two segments. */
  static final int SEGMENTED_SIZE = 2 << 14;

  /** Bit 14 set: the second of the two segments, where none of keys 0..7 lives. */
  static final Integer OTHER_SEGMENT_KEY = 1 << 14;

  private final SnapshotMap<Integer, Integer> map = new SnapshotMap<>(SEGMENTED_SIZE);

  public SnapshotMapSegmentedDrainLossless() {
    map.putAll(OLD_CONTENTS);
  }

  @Actor
  public void writer() {
    map.put(OTHER_SEGMENT_KEY, NEW);
  }

  @Actor
  public void flusher(ZZ_Result r) {
    r.r1 = map.drain().containsKey(OTHER_SEGMENT_KEY);
  }

  @Arbiter
  public void afterwards(ZZ_Result r) {
    r.r2 = map.containsKey(OTHER_SEGMENT_KEY);
  }
}
