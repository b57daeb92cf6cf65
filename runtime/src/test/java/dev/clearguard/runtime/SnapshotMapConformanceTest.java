package dev.clearguard.runtime;

import com.google.common.collect.testing.ConcurrentMapTestSuiteBuilder;
import com.google.common.collect.testing.TestStringMapGenerator;
import com.google.common.collect.testing.features.CollectionFeature;
import com.google.common.collect.testing.features.CollectionSize;
import com.google.common.collect.testing.features.MapFeature;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import junit.framework.Test;
import junit.framework.TestSuite;

/**
 * Guava testlib's {@code ConcurrentMap} conformance suite, run against maps built five ways so that
 * a map whose contents came from a constructor or a {@code swap}, or whose generations are split
 * into segments, is held to the same contract as one filled by {@code put}.
 *
 * <p>Public, unlike the other test classes: the suite is a JUnit 3 {@code suite()} method, which
 * the vintage engine only discovers and invokes on a public class.
 */
public final class SnapshotMapConformanceTest {

  private SnapshotMapConformanceTest() {}

  public static Test suite() {
    TestSuite suite = new TestSuite("SnapshotMap conformance");
    addAll(
        suite,
        suiteFor(
            "SnapshotMap filled by put",
            entries -> {
              SnapshotMap<String, String> map = new SnapshotMap<>();
              for (Map.Entry<String, String> e : entries) {
                map.put(e.getKey(), e.getValue());
              }
              return map;
            }));
    addAll(
        suite,
        suiteFor(
            "SnapshotMap from the copy constructor",
            entries -> new SnapshotMap<>(inOrder(entries))));
    addAll(
        suite,
        suiteFor(
            "SnapshotMap after drain and swap",
            entries -> {
              SnapshotMap<String, String> map = new SnapshotMap<>(4);
              map.put("stale", "drained before the test starts");
              map.drain();
              map.put("replaced", "swapped out before the test starts");
              map.swap(inOrder(entries));
              return map;
            }));
    // Sized past what one generation keeps in its own table: every call routes through segments.
    addAll(
        suite,
        suiteFor(
            "SnapshotMap in segments, filled by put",
            entries -> {
              SnapshotMap<String, String> map = segmented();
              for (Map.Entry<String, String> e : entries) {
                map.put(e.getKey(), e.getValue());
              }
              return map;
            }));
    addAll(
        suite,
        suiteFor(
            "SnapshotMap in segments, after drain and swap",
            entries -> {
              SnapshotMap<String, String> map = segmented();
              map.put("stale", "drained before the test starts");
              map.drain();
              map.put("replaced", "swapped out before the test starts");
              map.swap(inOrder(entries));
              return map;
            }));
    return suite;
  }

  /** A map whose generations are split into segments, checked so the suite cannot drift. */
  static <K, V> SnapshotMap<K, V> segmented() {
    SnapshotMap<K, V> map = new SnapshotMap<>(SEGMENTED_SIZE);
    if (map.segmentCount() < 2) {
      throw new AssertionError("a map sized for " + SEGMENTED_SIZE + " is not segmented");
    }
    return map;
  }

  /** Eight times the most entries a generation keeps in one table. */
  static final int SEGMENTED_SIZE = 1 << 17;

  /**
   * Adds the leaves of {@code tree} to {@code flat}. Guava nests a suite per tester and derived
   * view, and surefire reports every nested suite as a test set, sending all system properties with
   * each: 1,600 of them made a 7 s run take 51 s. One flat suite runs in seconds, and each test's
   * name still carries its tester, features and view.
   */
  private static void addAll(TestSuite flat, Test tree) {
    if (tree instanceof TestSuite) {
      TestSuite suite = (TestSuite) tree;
      for (int i = 0; i < suite.testCount(); i++) {
        addAll(flat, suite.testAt(i));
      }
    } else {
      flat.addTest(tree);
    }
  }

  private static TestSuite suiteFor(
      String name, Function<Map.Entry<String, String>[], Map<String, String>> factory) {
    return ConcurrentMapTestSuiteBuilder.using(
            new TestStringMapGenerator() {
              @Override
              protected Map<String, String> create(Map.Entry<String, String>[] entries) {
                return factory.apply(entries);
              }
            })
        .named(name)
        .withFeatures(
            MapFeature.GENERAL_PURPOSE,
            CollectionFeature.SUPPORTS_ITERATOR_REMOVE,
            CollectionFeature.SERIALIZABLE,
            CollectionSize.ANY)
        .createTestSuite();
  }

  /**
   * Keeps duplicate keys last-wins and lets null keys or values reach SnapshotMap to be rejected.
   */
  private static Map<String, String> inOrder(Map.Entry<String, String>[] entries) {
    Map<String, String> map = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : entries) {
      map.put(e.getKey(), e.getValue());
    }
    return map;
  }
}
