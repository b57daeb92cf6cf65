package dev.clearguard.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * The examples of {@code docs/runtime.md}, compiled and exercised. Every {@code java} block of that
 * page must appear here verbatim (indentation aside), which the last test checks.
 */
final class RuntimeDocExamplesTest {

  // ---------------------------------------------------------------- migrating

  static final class SessionsBefore {
    private final Map<String, String> sessions = new ConcurrentHashMap<>();

    @SuppressWarnings("IterateRemoveClear") // the "before" of the migration, unsafe on purpose
    void logoutEveryone() {
      for (String id : sessions.keySet()) {
        sessions.remove(id);
      }
    }
  }

  static final class SessionsAfter {
    private final SnapshotMap<String, String> sessions = new SnapshotMap<>();

    void logoutEveryone() {
      sessions.clear();
    }
  }

  @Test
  void migrationKeepsTheBehaviourAndMakesTheClearAtomic() {
    SessionsBefore before = new SessionsBefore();
    SessionsAfter after = new SessionsAfter();
    before.sessions.put("s1", "alice");
    after.sessions.put("s1", "alice");

    before.logoutEveryone();
    after.logoutEveryone();

    assertTrue(before.sessions.isEmpty());
    assertTrue(after.sessions.isEmpty());
  }

  // ---------------------------------------------------------------- 1. single owner

  /** Only the thread that calls {@code countWords} ever touches {@code counts}. */
  static final class WordCounter {
    private final Map<String, Integer> counts = new HashMap<>();

    Map<String, Integer> countWords(String line) {
      counts.clear();
      for (String word : line.split(" ")) {
        counts.merge(word, 1, Integer::sum);
      }
      return Map.copyOf(counts);
    }
  }

  @Test
  void singleOwnerReusesItsMap() {
    WordCounter counter = new WordCounter();

    assertEquals(Map.of("a", 2, "b", 1), counter.countWords("a b a"));
    assertEquals(Map.of("c", 1), counter.countWords("c"));
  }

  // ---------------------------------------------------------------- 2. configuration

  static final class FeatureFlags {
    private final SnapshotMap<String, Boolean> flags = new SnapshotMap<>();

    boolean isOn(String flag) {
      return flags.getOrDefault(flag, false);
    }

    void reload(Map<String, Boolean> fresh) {
      flags.swap(fresh);
    }
  }

  static final class FeatureFlagsWithoutTheRuntime {
    private volatile Map<String, Boolean> flags = Map.of();

    boolean isOn(String flag) {
      return flags.getOrDefault(flag, false);
    }

    void reload(Map<String, Boolean> fresh) {
      flags = Map.copyOf(fresh);
    }
  }

  @Test
  void configurationIsReloadedWhole() {
    FeatureFlags flags = new FeatureFlags();
    FeatureFlagsWithoutTheRuntime plain = new FeatureFlagsWithoutTheRuntime();

    flags.reload(Map.of("dark-mode", true));
    plain.reload(Map.of("dark-mode", true));
    assertTrue(flags.isOn("dark-mode"));
    assertTrue(plain.isOn("dark-mode"));

    flags.reload(Map.of("beta", true));
    plain.reload(Map.of("beta", true));
    assertFalse(flags.isOn("dark-mode"));
    assertFalse(plain.isOn("dark-mode"));
  }

  // ---------------------------------------------------------------- 3. counters

  static final class RequestCounters {
    private final SnapshotMap<String, Long> hits = new SnapshotMap<>();

    void hit(String path) {
      hits.merge(path, 1L, Long::sum);
    }

    /** Called every minute by a scheduler: each hit is in exactly one report. */
    Map<String, Long> flush() {
      return hits.drain();
    }
  }

  @Test
  void countersAreFlushedWithoutLosingHits() {
    RequestCounters counters = new RequestCounters();
    counters.hit("/home");
    counters.hit("/home");

    assertEquals(Map.of("/home", 2L), counters.flush());
    counters.hit("/about");
    assertEquals(Map.of("/about", 1L), counters.flush());
  }

  // ---------------------------------------------------------------- 4. exactly once

  static final class PendingUploads {
    private final SnapshotMap<String, String> pending = new SnapshotMap<>();

    void submit(String id, String body) {
      pending.put(id, body);
    }

    /** One uploader thread: takes everything submitted so far in one step. */
    int uploadAll(BiConsumer<String, String> upload) {
      Map<String, String> batch = pending.drain();
      batch.forEach(upload);
      return batch.size();
    }

    /** Several uploader threads: each entry is claimed by the one whose remove returns it. */
    void uploadEach(BiConsumer<String, String> upload) {
      for (String id : pending.keySet()) {
        String body = pending.remove(id);
        if (body != null) {
          upload.accept(id, body);
        }
      }
    }
  }

  @Test
  void entriesAreProcessedExactlyOnce() {
    PendingUploads uploads = new PendingUploads();
    List<String> sent = new ArrayList<>();
    uploads.submit("1", "a");
    uploads.submit("2", "b");

    assertEquals(2, uploads.uploadAll((id, body) -> sent.add(id + body)));
    assertEquals(0, uploads.uploadAll((id, body) -> fail("uploaded twice: " + id)));
    uploads.submit("3", "c");
    uploads.uploadEach((id, body) -> sent.add(id + body));
    uploads.uploadEach((id, body) -> fail("uploaded twice: " + id));

    assertEquals(List.of("1a", "2b", "3c"), sent.stream().sorted().toList());
  }

  // ---------------------------------------------------------------- 5. read-write lock

  static final class RoutingTable {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, String> routes = new HashMap<>();

    String route(String host) {
      lock.readLock().lock();
      try {
        return routes.getOrDefault(host, "default-pool");
      } finally {
        lock.readLock().unlock();
      }
    }

    void replaceRoutes(Map<String, String> fresh) {
      lock.writeLock().lock();
      try {
        routes.clear();
        routes.putAll(fresh);
      } finally {
        lock.writeLock().unlock();
      }
    }
  }

  @Test
  void aLockedMapKeepsItsLock() {
    RoutingTable table = new RoutingTable();

    table.replaceRoutes(Map.of("api.example.com", "api-pool"));

    assertEquals("api-pool", table.route("api.example.com"));
    assertEquals("default-pool", table.route("www.example.com"));
  }

  // ---------------------------------------------------------------- the page itself

  @Test
  void everyJavaBlockOfTheGuideIsCompiledHere() throws IOException {
    Path guide = Path.of("..", "docs", "runtime.md");
    Path self =
        Path.of(
            "src",
            "test",
            "java",
            "dev",
            "clearguard",
            "runtime",
            getClass().getSimpleName() + ".java");
    List<String> source = stripped(Files.readAllLines(self, StandardCharsets.UTF_8));
    List<List<String>> blocks = javaBlocks(Files.readAllLines(guide, StandardCharsets.UTF_8));

    assertFalse(blocks.isEmpty(), "no java blocks found in " + guide);
    for (List<String> block : blocks) {
      assertTrue(
          Collections.indexOfSubList(source, stripped(block)) >= 0,
          "docs/runtime.md has a java block that is not in this class:\n"
              + String.join("\n", block));
    }
  }

  private static List<List<String>> javaBlocks(List<String> markdown) {
    List<List<String>> blocks = new ArrayList<>();
    List<String> open = null;
    for (String line : markdown) {
      if (open == null && line.strip().equals("```java")) {
        open = new ArrayList<>();
      } else if (open != null && line.strip().equals("```")) {
        blocks.add(open);
        open = null;
      } else if (open != null) {
        open.add(line);
      }
    }
    return blocks;
  }

  /** Trims each line and drops blank ones, so indentation and spacing do not count. */
  private static List<String> stripped(List<String> lines) {
    List<String> result = new ArrayList<>();
    for (String line : lines) {
      if (!line.isBlank()) {
        result.add(line.strip());
      }
    }
    return result;
  }
}
