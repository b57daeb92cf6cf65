package dev.clearguard.checker.errorprone;

/** Test inputs shared by the adapters' tests. */
final class Stubs {
  /**
   * Stands in for the runtime's SnapshotMap: the rules offer the SnapshotMap fix when a class of
   * that name is on the compilation's class path, and the fixed code must compile against it.
   */
  static final String SNAPSHOT_MAP =
      """
      package dev.clearguard.runtime;
      import java.util.Map;
      import java.util.concurrent.ConcurrentHashMap;
      public class SnapshotMap<K, V> extends ConcurrentHashMap<K, V> {
        public SnapshotMap() {}
        public SnapshotMap(int expectedSize) {}
        public SnapshotMap(Map<? extends K, ? extends V> contents) {}
        public Map<K, V> drain() { return Map.copyOf(this); }
        public Map<K, V> swap(Map<? extends K, ? extends V> contents) { return Map.copyOf(this); }
      }
      """;

  private Stubs() {}
}
