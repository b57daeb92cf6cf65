package dev.clearguard.runtime;

import static java.util.concurrent.TimeUnit.MINUTES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contracts that set SnapshotMap apart from ConcurrentHashMap. The conformance suite covers the
 * rest of the ConcurrentMap contract.
 */
final class SnapshotMapTest {

  private static SnapshotMap<String, Integer> abc() {
    return new SnapshotMap<>(Map.of("a", 1, "b", 2, "c", 3));
  }

  // ---------------------------------------------------------------- clear, drain, swap

  @Test
  void clearRemovesEveryEntryAndTheMapKeepsWorking() {
    SnapshotMap<String, Integer> map = abc();

    map.clear();

    assertTrue(map.isEmpty());
    assertEquals(Map.of(), map);
    map.put("d", 4);
    assertEquals(Map.of("d", 4), map);
  }

  @Test
  void drainReturnsEveryEntryAndLeavesTheMapEmpty() {
    SnapshotMap<String, Integer> map = abc();

    Map<String, Integer> drained = map.drain();

    assertEquals(Map.of("a", 1, "b", 2, "c", 3), drained);
    assertTrue(map.isEmpty());
  }

  @Test
  void drainOfAnEmptyMapReturnsAnEmptyMap() {
    assertEquals(Map.of(), new SnapshotMap<String, Integer>().drain());
  }

  @Test
  void swapInstallsTheNewContentsAndReturnsTheOld() {
    SnapshotMap<String, Integer> map = abc();

    Map<String, Integer> previous = map.swap(Map.of("x", 9));

    assertEquals(Map.of("a", 1, "b", 2, "c", 3), previous);
    assertEquals(Map.of("x", 9), map);
  }

  @Test
  void swapCopiesItsArgument() {
    SnapshotMap<String, Integer> map = abc();
    Map<String, Integer> fresh = new HashMap<>(Map.of("x", 9));

    map.swap(fresh);
    fresh.put("y", 10);
    map.put("z", 11);

    assertEquals(Map.of("x", 9, "z", 11), map);
    assertEquals(Map.of("x", 9, "y", 10), fresh);
  }

  @Test
  void swapWithANullValueThrowsAndLeavesTheMapUnchanged() {
    SnapshotMap<String, Integer> map = abc();
    Map<String, Integer> withNull = new HashMap<>();
    withNull.put("x", null);

    assertThrows(NullPointerException.class, () -> map.swap(withNull));

    assertEquals(Map.of("a", 1, "b", 2, "c", 3), map);
  }

  @Test
  void drainedAndSwappedOutMapsAreUnmodifiable() {
    SnapshotMap<String, Integer> map = abc();
    List<Map<String, Integer>> results = List.of(map.drain(), abc().swap(Map.of()));

    for (Map<String, Integer> result : results) {
      assertThrows(UnsupportedOperationException.class, () -> result.put("d", 4));
      assertThrows(UnsupportedOperationException.class, () -> result.remove("a"));
      assertThrows(UnsupportedOperationException.class, result::clear);
      assertThrows(UnsupportedOperationException.class, () -> result.merge("a", 1, Integer::sum));
      assertThrows(UnsupportedOperationException.class, () -> result.keySet().remove("a"));
      assertThrows(UnsupportedOperationException.class, () -> result.values().clear());
      Iterator<Map.Entry<String, Integer>> it = result.entrySet().iterator();
      Map.Entry<String, Integer> first = it.next();
      assertThrows(UnsupportedOperationException.class, it::remove);
      assertThrows(UnsupportedOperationException.class, () -> first.setValue(0));
      assertEquals(3, result.size());
    }
  }

  @Test
  void writesAfterADrainDoNotReachTheDrainedMap() {
    SnapshotMap<String, Integer> map = abc();
    Map<String, Integer> drained = map.drain();

    map.put("a", 100);
    map.merge("b", 1, Integer::sum);
    map.remove("c");

    assertEquals(Map.of("a", 1, "b", 2, "c", 3), drained);
    assertEquals(Map.of("a", 100, "b", 1), map);
  }

  @Test
  void expectedSizeMustNotBeNegative() {
    assertThrows(IllegalArgumentException.class, () -> new SnapshotMap<String, Integer>(-1));
  }

  // ---------------------------------------------------------------- nulls

  @Test
  void nullKeysAndValuesAreRejectedLikeConcurrentHashMap() {
    SnapshotMap<String, Integer> map = abc();

    assertThrows(NullPointerException.class, () -> map.put(null, 1));
    assertThrows(NullPointerException.class, () -> map.put("a", null));
    assertThrows(NullPointerException.class, () -> map.putIfAbsent("a", null));
    assertThrows(NullPointerException.class, () -> map.get(null));
    assertThrows(NullPointerException.class, () -> map.containsKey(null));
    assertThrows(NullPointerException.class, () -> map.containsValue(null));
    assertThrows(NullPointerException.class, () -> map.remove(null));
    assertThrows(NullPointerException.class, () -> map.replace("a", null));
    assertThrows(NullPointerException.class, () -> map.merge("a", null, Integer::sum));
    assertThrows(NullPointerException.class, () -> map.computeIfAbsent(null, k -> 1));
    assertThrows(NullPointerException.class, () -> map.computeIfAbsent("a", null));
    assertThrows(NullPointerException.class, () -> map.putAll(nullValued("x")));
    assertThrows(NullPointerException.class, () -> new SnapshotMap<>(nullValued("x")));
    assertThrows(NullPointerException.class, () -> map.entrySet().iterator().next().setValue(null));
    assertEquals(Map.of("a", 1, "b", 2, "c", 3), map);
  }

  private static Map<String, Integer> nullValued(String key) {
    Map<String, Integer> map = new HashMap<>();
    map.put(key, null);
    return map;
  }

  // ---------------------------------------------------------------- Object methods

  @Test
  void equalsHashCodeAndToStringFollowTheMapContract() {
    SnapshotMap<String, Integer> map = new SnapshotMap<>(Map.of("a", 1));

    assertEquals(Map.of("a", 1), map);
    assertEquals(map, new HashMap<>(Map.of("a", 1)));
    assertEquals(Map.of("a", 1).hashCode(), map.hashCode());
    assertEquals("{a=1}", map.toString());
    assertFalse(map.equals(Map.of("a", 2)));
    assertFalse(map.equals(Set.of("a")));
  }

  @Test
  void toStringNamesTheMapItselfInsteadOfRecursing() {
    SnapshotMap<String, Object> map = new SnapshotMap<>();
    map.put("self", map);

    assertEquals("{self=(this Map)}", map.toString());
  }

  // ---------------------------------------------------------------- serialization

  @Test
  void serializationRoundTripsTheEntriesIntoAWorkingMap() throws Exception {
    SnapshotMap<String, Integer> map = new SnapshotMap<>(8);
    map.putAll(Map.of("a", 1, "b", 2));

    SnapshotMap<String, Integer> copy = roundTrip(map);

    assertEquals(map, copy);
    copy.merge("a", 10, Integer::sum);
    assertEquals(Map.of("a", 11, "b", 2), copy.drain());
    assertTrue(copy.isEmpty());
    assertEquals(Map.of("a", 1, "b", 2), map);
  }

  @Test
  void serializationOfAnEmptyMapRoundTrips() throws Exception {
    SnapshotMap<String, Integer> copy = roundTrip(new SnapshotMap<>());

    assertTrue(copy.isEmpty());
    copy.put("a", 1);
    assertEquals(Map.of("a", 1), copy);
  }

  @SuppressWarnings("unchecked") // the stream holds exactly the map written above
  private static <T> T roundTrip(T object) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(object);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  // ---------------------------------------------------------------- segments

  /** Entries enough to fill several segments of a map sized for them. */
  private static final int MANY = 50_000;

  private static Map<Integer, Integer> numbers(int from, int count) {
    Map<Integer, Integer> numbers = new HashMap<>();
    for (int i = from; i < from + count; i++) {
      numbers.put(i, -i);
    }
    return numbers;
  }

  @Test
  void aMapSizedForManyEntriesKeepsThemInSegmentsAndBehavesAsOneMap() {
    SnapshotMap<Integer, Integer> map = new SnapshotMap<>(MANY);
    Map<Integer, Integer> expected = numbers(0, MANY);
    expected.forEach(map::put);

    assertTrue(map.segmentCount() > 1);
    assertEquals(MANY, map.size());
    assertFalse(map.isEmpty());
    assertEquals(expected, map);
    assertEquals(map, expected);
    assertEquals(expected.hashCode(), map.hashCode());
    assertEquals(expected.keySet(), Set.copyOf(map.keySet()));
    assertTrue(map.containsValue(-(MANY - 1)));
    assertFalse(map.containsValue(1));
    assertNull(map.get(MANY));
    int[] visited = new int[1];
    map.forEach((k, v) -> visited[0]++);
    assertEquals(MANY, visited[0]);

    for (Iterator<Integer> it = map.keySet().iterator(); it.hasNext(); ) {
      if (it.next() % 2 == 0) {
        it.remove();
      }
    }
    assertEquals(MANY / 2, map.size());
    assertNull(map.get(0));
    assertEquals(-1, map.get(1));
  }

  @Test
  void aSegmentedMapRejectsNullsLikeConcurrentHashMapAndSoDoesItsDrainedContents() {
    SnapshotMap<Integer, Integer> map = new SnapshotMap<>(MANY);
    map.putAll(numbers(0, 10));
    assertTrue(map.segmentCount() > 1);

    assertThrows(NullPointerException.class, () -> map.get(null));
    assertThrows(NullPointerException.class, () -> map.containsKey(null));
    assertThrows(NullPointerException.class, () -> map.containsValue(null));
    assertThrows(NullPointerException.class, () -> map.put(null, 1));
    assertThrows(NullPointerException.class, () -> map.put(1, null));
    Map<Integer, Integer> drained = map.drain();
    assertThrows(NullPointerException.class, () -> drained.get(null));
    assertThrows(NullPointerException.class, () -> drained.containsKey(null));
    assertThrows(NullPointerException.class, () -> drained.containsValue(null));
    assertEquals(numbers(0, 10), drained);
  }

  @Test
  void theDrainedContentsOfASegmentedMapAnswerEntryLookupsByKey() {
    SnapshotMap<Integer, Integer> map = new SnapshotMap<>(MANY);
    map.putAll(numbers(0, MANY));
    Map<Integer, Integer> drained = map.drain();

    assertTrue(drained.entrySet().contains(Map.entry(7, -7)));
    assertFalse(drained.entrySet().contains(Map.entry(7, 7)));
    assertFalse(drained.entrySet().contains(Map.entry(MANY, -MANY)));
    // One lookup per entry (a walk of the map per entry would make this quadratic).
    assertTrue(drained.entrySet().containsAll(numbers(0, MANY).entrySet()));
    assertEquals(numbers(0, MANY).entrySet(), drained.entrySet());
  }

  @Test
  void keysWhoseDifferencesLieInHighHashBitsStillSpreadOverTheSegments() {
    // 4 segments; these keys differ only in bits 22 and 23, which a fold of the low groups alone
    // would ignore, sending all of them to one segment.
    SnapshotMap<Integer, Integer> map = new SnapshotMap<>(4 * 16_384);
    assertEquals(4, map.segmentCount());
    for (int i = 0; i < 4; i++) {
      map.put(i << 22, i);
    }
    assertEquals(4, map.segmentsCreated());
    assertEquals(4, map.drain().size());
  }

  @Test
  void aSegmentedMapDrainsAndClearsEveryEntryAndTheDrainedMapIsUnmodifiable() {
    SnapshotMap<Integer, Integer> map = new SnapshotMap<>(MANY);
    map.putAll(numbers(0, MANY));

    Map<Integer, Integer> drained = map.drain();

    assertEquals(numbers(0, MANY), drained);
    assertEquals(MANY, drained.size());
    assertTrue(map.isEmpty());
    assertEquals(0, map.size());
    assertThrows(UnsupportedOperationException.class, () -> drained.put(1, 1));
    assertThrows(UnsupportedOperationException.class, () -> drained.remove(1));
    assertThrows(
        UnsupportedOperationException.class,
        () -> drained.entrySet().iterator().next().setValue(0));
    map.put(7, 7);
    assertFalse(drained.containsValue(7));
    map.clear();
    assertTrue(map.isEmpty());
    assertTrue(map.segmentCount() > 1, "cleared contents keep the configured layout");
  }

  @Test
  void swapSizesTheNewContentsForThemselvesAndCopiesThem() {
    SnapshotMap<Integer, Integer> map = new SnapshotMap<>(Map.of(1, 1));
    assertEquals(1, map.segmentCount());
    Map<Integer, Integer> many = numbers(0, MANY);

    Map<Integer, Integer> previous = map.swap(many);

    assertEquals(Map.of(1, 1), previous);
    assertTrue(map.segmentCount() > 1);
    assertEquals(many, map);
    many.put(-1, 1);
    assertFalse(map.containsKey(-1));
    Map<Integer, Integer> swappedOut = map.swap(Map.of(2, 2));
    assertEquals(numbers(0, MANY), swappedOut);
    assertEquals(Map.of(2, 2), map);
    assertEquals(1, map.segmentCount());
  }

  @Test
  void swapIntoSegmentsWithANullValueThrowsAndLeavesTheMapUnchanged() {
    SnapshotMap<Integer, Integer> map = new SnapshotMap<>(Map.of(1, 1));
    Map<Integer, Integer> many = numbers(0, MANY);
    many.put(MANY, null);

    assertThrows(NullPointerException.class, () -> map.swap(many));

    assertEquals(Map.of(1, 1), map);
  }

  @Test
  void aSegmentedMapAndItsDrainedContentsRoundTripThroughSerialization() throws Exception {
    SnapshotMap<Integer, Integer> map = new SnapshotMap<>(MANY);
    map.putAll(numbers(0, MANY));

    SnapshotMap<Integer, Integer> copy = roundTrip(map);
    Map<Integer, Integer> drainedCopy = roundTrip(map.drain());

    assertEquals(numbers(0, MANY), copy);
    assertTrue(copy.segmentCount() > 1);
    assertEquals(numbers(0, MANY), drainedCopy);
  }

  // ---------------------------------------------------------------- views

  @Test
  void viewsWriteThrough() {
    SnapshotMap<String, Integer> map = abc();

    assertTrue(map.keySet().remove("a"));
    assertTrue(map.values().remove(2));
    assertTrue(map.entrySet().remove(Map.entry("c", 3)));
    assertTrue(map.isEmpty());

    map.putAll(Map.of("a", 1, "b", 2, "c", 3, "d", 4));
    assertTrue(map.keySet().removeIf(k -> k.equals("a")));
    assertTrue(map.values().removeIf(v -> v == 2));
    assertTrue(map.entrySet().retainAll(Set.of(Map.entry("c", 3))));
    assertEquals(Map.of("c", 3), map);

    map.entrySet().iterator().next().setValue(30);
    assertEquals(Map.of("c", 30), map);

    map.keySet().clear();
    assertTrue(map.isEmpty());
    assertThrows(UnsupportedOperationException.class, () -> map.keySet().add("e"));
  }

  @Test
  void entrySetRemoveNeedsTheValueToMatch() {
    SnapshotMap<String, Integer> map = abc();

    assertFalse(map.entrySet().remove(Map.entry("a", 99)));

    assertEquals(1, map.get("a"));
  }

  @Test
  void iteratorRemoveRemovesTheEntryItReturned() {
    SnapshotMap<String, Integer> map = abc();

    for (Iterator<String> it = map.keySet().iterator(); it.hasNext(); ) {
      if (!it.next().equals("b")) {
        it.remove();
      }
    }

    assertEquals(Map.of("b", 2), map);
    Iterator<Integer> values = map.values().iterator();
    assertThrows(IllegalStateException.class, values::remove);
    values.next();
    values.remove();
    assertThrows(IllegalStateException.class, values::remove);
    assertTrue(map.isEmpty());
  }

  @Test
  void iteratorRemoveKeepsAValueWrittenAfterNext() {
    // The race ConcurrentHashMap's iterator loses: a request thread refreshes a session between
    // the cleaner's next() and remove(); removal by key alone would log the user out.
    SnapshotMap<String, Integer> sessions = new SnapshotMap<>(Map.of("alice", 1));
    Iterator<Map.Entry<String, Integer>> cleaner = sessions.entrySet().iterator();
    cleaner.next();

    sessions.put("alice", 2);
    cleaner.remove();

    assertEquals(Map.of("alice", 2), sessions);
  }

  @Test
  void iteratorRemoveAfterSetValueRemovesTheNewValue() {
    SnapshotMap<String, Integer> map = new SnapshotMap<>(Map.of("a", 1));
    Iterator<Map.Entry<String, Integer>> it = map.entrySet().iterator();

    it.next().setValue(2);
    it.remove();

    assertTrue(map.isEmpty());
  }

  @Test
  void anIteratorWalksTheContentsItStartedOnEvenAcrossAClear() {
    SnapshotMap<String, Integer> map = abc();
    Iterator<Map.Entry<String, Integer>> it = map.entrySet().iterator();
    Map<String, Integer> seen = new HashMap<>();
    Map.Entry<String, Integer> first = it.next();
    seen.put(first.getKey(), first.getValue());

    map.clear();
    map.put(first.getKey(), 100);
    it.forEachRemaining(e -> seen.put(e.getKey(), e.getValue()));

    assertEquals(Map.of("a", 1, "b", 2, "c", 3), seen);
    assertEquals(Map.of(first.getKey(), 100), map);
  }

  @Test
  void iteratorRemoveAfterADrainLeavesNewerEntriesAlone() {
    SnapshotMap<String, Integer> map = abc();
    Iterator<String> it = map.keySet().iterator();
    String key = it.next();

    Map<String, Integer> drained = map.drain();
    map.put(key, 100);
    it.remove();

    assertEquals(Map.of(key, 100), map);
    assertEquals(3, drained.size());
  }

  @Test
  void replaceAllReplacesEveryEntry() {
    SnapshotMap<String, Integer> map = abc();

    map.replaceAll((k, v) -> v * 10);

    assertEquals(Map.of("a", 10, "b", 20, "c", 30), map);
    assertThrows(NullPointerException.class, () -> map.replaceAll((k, v) -> null));
  }

  // ---------------------------------------------------------------- writers in flight

  @Test
  @Timeout(value = 2, unit = MINUTES) // hang guard only: these tests never wait on a clock
  void drainWaitsForAWriteAlreadyInProgressAndReturnsIt() throws Exception {
    // A merge is inside its function when the drain starts. If the drain did not wait for it,
    // the merge would land in contents already handed out, and the increment would be lost.
    SnapshotMap<String, Integer> map = new SnapshotMap<>(Map.of("hits", 1));
    InFlightWrite write = InFlightWrite.start(() -> map.merge("hits", 1, this::slowSum));
    AtomicReference<Map<String, Integer>> drained = new AtomicReference<>();
    Thread drainer = start(() -> drained.set(map.drain()));
    awaitWaiting(drainer);

    // New writers and readers are not held up: they already work on the new contents.
    map.put("late", 7);
    assertEquals(Map.of("late", 7), map);

    write.finish();
    drainer.join();
    assertEquals(Map.of("hits", 2), drained.get());
    assertEquals(Map.of("late", 7), map);
  }

  @Test
  @Timeout(value = 2, unit = MINUTES) // hang guard only: these tests never wait on a clock
  void swapWaitsForAWriteAlreadyInProgressAndReturnsIt() throws Exception {
    SnapshotMap<String, Integer> map = new SnapshotMap<>(Map.of("hits", 1));
    InFlightWrite write = InFlightWrite.start(() -> map.merge("hits", 1, this::slowSum));
    AtomicReference<Map<String, Integer>> previous = new AtomicReference<>();
    Thread swapper = start(() -> previous.set(map.swap(Map.of("hits", 100))));
    awaitWaiting(swapper);

    assertEquals(Map.of("hits", 100), map);
    map.merge("hits", 1, Integer::sum);

    write.finish();
    swapper.join();
    assertEquals(Map.of("hits", 2), previous.get());
    assertEquals(Map.of("hits", 101), map);
  }

  @Test
  @Timeout(value = 2, unit = MINUTES) // hang guard only: these tests never wait on a clock
  void clearWaitsSoThatNoWriteReturningAfterItIsLost() throws Exception {
    // The write started before the clear, so it is ordered before it and cleared away; what the
    // wait guarantees is that once clear() has returned, no write still lands in the discarded
    // contents: everything written afterwards stays visible.
    SnapshotMap<String, Integer> map = new SnapshotMap<>(Map.of("hits", 1));
    InFlightWrite write = InFlightWrite.start(() -> map.merge("hits", 1, this::slowSum));
    Thread clearer = start(map::clear);
    awaitWaiting(clearer);
    map.put("during", 1);

    write.finish();
    clearer.join();
    map.put("after", 2);

    assertEquals(Map.of("during", 1, "after", 2), map);
  }

  @Test
  @Timeout(value = 2, unit = MINUTES) // hang guard only: these tests never wait on a clock
  void drainWaitsForAWriteMadeFromInsideAnotherMapsCompute() throws Exception {
    // The compute on `outer` holds the writing thread's announcement slot, so the merge into
    // `counters` that its function makes registers on the fallback counter instead. The drain of
    // `counters` must wait for that write too, and return it.
    SnapshotMap<String, Integer> outer = new SnapshotMap<>();
    SnapshotMap<String, Integer> counters = new SnapshotMap<>(Map.of("hits", 1));
    InFlightWrite write =
        InFlightWrite.start(
            () ->
                outer.compute(
                    "k", (k, v) -> counters.merge("hits", 1, SnapshotMapTest.this::slowSum)));
    AtomicReference<Map<String, Integer>> drained = new AtomicReference<>();
    Thread drainer = start(() -> drained.set(counters.drain()));
    awaitWaiting(drainer);

    write.finish();
    drainer.join();
    assertEquals(Map.of("hits", 2), drained.get());
    assertEquals(Map.of(), counters);
    assertEquals(Map.of("k", 2), outer);
  }

  @Test
  @Timeout(value = 2, unit = MINUTES) // hang guard only: these tests never wait on a clock
  void aDrainDoesNotWaitForAWriteToAnotherMap() throws Exception {
    // Every SnapshotMap shares one table of announcement slots; a slot names the generation, so a
    // write in progress on one map never holds up a drain of another.
    SnapshotMap<String, Integer> busy = new SnapshotMap<>(Map.of("hits", 1));
    SnapshotMap<String, Integer> idle = new SnapshotMap<>(Map.of("a", 1));
    InFlightWrite write = InFlightWrite.start(() -> busy.merge("hits", 1, this::slowSum));

    assertEquals(Map.of("a", 1), idle.drain());

    write.finish();
    assertEquals(Map.of("hits", 2), busy.drain());
  }

  private int slowSum(int a, int b) {
    InFlightWrite.current().blockUntilFinished();
    return a + b;
  }

  /** A write held inside its remapping function until the test lets it finish. */
  private static final class InFlightWrite {
    private static final AtomicReference<InFlightWrite> CURRENT = new AtomicReference<>();
    private final CountDownLatch inside = new CountDownLatch(1);
    private final CountDownLatch finish = new CountDownLatch(1);
    private Thread thread = new Thread(() -> {});

    static InFlightWrite start(Runnable write) throws InterruptedException {
      InFlightWrite w = new InFlightWrite();
      CURRENT.set(w);
      w.thread = SnapshotMapTest.start(write);
      w.inside.await();
      return w;
    }

    static InFlightWrite current() {
      return CURRENT.get();
    }

    void blockUntilFinished() {
      inside.countDown();
      try {
        finish.await();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }

    void finish() throws InterruptedException {
      finish.countDown();
      thread.join();
    }
  }

  private static Thread start(Runnable body) {
    Thread t = new Thread(body);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /**
   * Returns once {@code t} is parked in the whole-map operation's wait. It spins and yields before
   * parking, so reaching TIMED_WAITING proves it got there and is waiting for the writer.
   */
  private static void awaitWaiting(Thread t) {
    while (t.getState() != Thread.State.TIMED_WAITING) {
      assertTrue(t.isAlive(), "the whole-map operation returned without waiting for the writer");
      Thread.onSpinWait();
    }
  }

  @Test
  void aComputeHitDoesNotRunTheFunction() {
    SnapshotMap<String, Integer> map = abc();

    assertEquals(1, map.computeIfAbsent("a", k -> fail()));
    assertEquals(1, map.putIfAbsent("a", 5));
    assertNull(map.putIfAbsent("z", 26));
    assertEquals(26, map.get("z"));
  }

  private static Integer fail() {
    throw new AssertionError("the function ran although the key was present");
  }
}
