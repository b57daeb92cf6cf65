package dev.clearguard.runtime;

import static java.util.concurrent.TimeUnit.MINUTES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bounded stress tests of the lossless guarantees: writers increment counters while another thread
 * drains or swaps as fast as it can, and every increment must be found exactly once. Bounded by
 * iteration counts; the timeouts are hang guards, never assertions about speed. (jcstress tests of
 * the same contracts live in {@code benchmarks/}.)
 */
final class SnapshotMapStressTest {

  private static final int WRITERS = 3;
  private static final int INCREMENTS_PER_WRITER = 200_000;
  private static final int KEYS = 16;

  @Test
  @Timeout(value = 2, unit = MINUTES) // hang guard
  void drainLosesAndDuplicatesNoIncrement() throws Exception {
    drainLosesAndDuplicatesNoIncrement(new SnapshotMap<>());
  }

  /** The same race where each counter lives in a segment that its first increment creates. */
  @Test
  @Timeout(value = 2, unit = MINUTES) // hang guard
  void drainLosesAndDuplicatesNoIncrementInSegments() throws Exception {
    drainLosesAndDuplicatesNoIncrement(SnapshotMapConformanceTest.segmented());
  }

  private static void drainLosesAndDuplicatesNoIncrement(SnapshotMap<Integer, Long> counters)
      throws Exception {
    long[] drainedTotal = new long[1];
    AtomicInteger drains = new AtomicInteger();

    runWritersAgainst(
        counters,
        () -> {
          drainedTotal[0] += sum(counters.drain());
          drains.incrementAndGet();
        });

    long remaining = sum(counters.drain());
    assertEquals((long) WRITERS * INCREMENTS_PER_WRITER, drainedTotal[0] + remaining);
    assertTrue(drains.get() > 1, "the drainer never overlapped the writers");
  }

  @Test
  @Timeout(value = 2, unit = MINUTES) // hang guard
  void swapLosesAndDuplicatesNoIncrement() throws Exception {
    swapLosesAndDuplicatesNoIncrement(new SnapshotMap<>());
  }

  @Test
  @Timeout(value = 2, unit = MINUTES) // hang guard
  void swapLosesAndDuplicatesNoIncrementInSegments() throws Exception {
    swapLosesAndDuplicatesNoIncrement(SnapshotMapConformanceTest.segmented());
  }

  private static void swapLosesAndDuplicatesNoIncrement(SnapshotMap<Integer, Long> counters)
      throws Exception {
    // Each swap installs a seed of 1,000 under key 0, so the books balance only if increments
    // racing a swap are applied on top of the new contents, neither dropped nor counted twice.
    Map<Integer, Long> seed = Map.of(0, 1_000L);
    long[] swappedOutTotal = new long[1];
    AtomicInteger swaps = new AtomicInteger();

    runWritersAgainst(
        counters,
        () -> {
          swappedOutTotal[0] += sum(counters.swap(seed));
          swaps.incrementAndGet();
        });

    long remaining = sum(counters.drain());
    long seeded = 1_000L * swaps.get();
    assertEquals((long) WRITERS * INCREMENTS_PER_WRITER + seeded, swappedOutTotal[0] + remaining);
    assertTrue(swaps.get() > 1, "the swapper never overlapped the writers");
  }

  @Test
  @Timeout(value = 2, unit = MINUTES) // hang guard
  void drainNeverSplitsAPutAll() throws Exception {
    // Each putAll writes one batch of KEYS distinct keys; a drain must take a batch whole or not
    // at all, so every drained map holds whole batches only.
    SnapshotMap<String, Integer> map = new SnapshotMap<>();
    int[] total = new int[1];
    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger running = new AtomicInteger(WRITERS);
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      writers.add(
          thread(
              () -> {
                await(start);
                for (int batch = 0; batch < 5_000; batch++) {
                  Map<String, Integer> entries = new HashMap<>();
                  for (int k = 0; k < KEYS; k++) {
                    entries.put(writer + "/" + batch + "/" + k, batch);
                  }
                  map.putAll(entries);
                }
                running.decrementAndGet();
              }));
    }
    start.countDown();
    while (running.get() > 0) {
      total[0] += wholeBatches(map.drain());
    }
    for (Thread t : writers) {
      t.join();
    }
    total[0] += wholeBatches(map.drain());

    assertEquals(WRITERS * 5_000 * KEYS, total[0]);
  }

  private static int wholeBatches(Map<String, Integer> drained) {
    Map<String, Integer> perBatch = new HashMap<>();
    for (String key : drained.keySet()) {
      perBatch.merge(key.substring(0, key.lastIndexOf('/')), 1, Integer::sum);
    }
    perBatch.forEach((batch, n) -> assertEquals(KEYS, n, "batch " + batch + " was split"));
    return drained.size();
  }

  /** Runs the writers to completion while {@code reset} runs on this thread in a loop. */
  private static void runWritersAgainst(SnapshotMap<Integer, Long> counters, Runnable reset)
      throws InterruptedException {
    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger running = new AtomicInteger(WRITERS);
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      writers.add(
          thread(
              () -> {
                await(start);
                for (int i = 0; i < INCREMENTS_PER_WRITER; i++) {
                  counters.merge((i + writer) % KEYS, 1L, Long::sum);
                }
                running.decrementAndGet();
              }));
    }
    start.countDown();
    while (running.get() > 0) {
      reset.run();
    }
    for (Thread t : writers) {
      t.join();
    }
  }

  private static long sum(Map<Integer, Long> counts) {
    long total = 0;
    for (long n : counts.values()) {
      total += n;
    }
    return total;
  }

  private static Thread thread(Runnable body) {
    Thread t = new Thread(body);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
