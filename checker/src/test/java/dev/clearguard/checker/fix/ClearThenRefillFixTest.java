package dev.clearguard.checker.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ClearThenRefillFixTest {
  @TempDir Path dir;

  @Test
  void negativeCodeBetweenClearAndRefillReadingTheMapStaysManual() {
    String before =
        """
        package app;

        import java.util.Map;
        import java.util.concurrent.ConcurrentHashMap;

        class Settings {
          private final Map<String, String> settings = new ConcurrentHashMap<>();

          void replaceAll(Map<String, String> a, Map<String, String> b) {
            settings.clear();
            settings.putAll(a);
            System.out.println(settings.size());
            settings.putAll(b);
          }
        }
        """;
    FixResult result = FixTester.fix(dir, true, before);
    assertEquals(before, result.fixed());
    assertTrue(result.manual().get(0).reason().contains("between clear() and the refill"));
  }

  @Test
  void negativePublicFieldStaysManual() {
    String before =
        """
        package app;

        import java.util.Map;
        import java.util.concurrent.ConcurrentHashMap;

        public class Settings {
          public final Map<String, String> settings = new ConcurrentHashMap<>();

          public void replaceAll(Map<String, String> values) {
            settings.clear();
            settings.putAll(values);
          }
        }
        """;
    FixResult result = FixTester.fix(dir, true, before);
    assertEquals(before, result.fixed());
    assertEquals(1, result.manual().size());
  }

  @Test
  void fixSnapshotMapPutAllBecomesOneSwap() {
    FixTester.assertFix(
        dir,
        true,
        """
        package app;

        import java.util.Map;
        import java.util.concurrent.ConcurrentHashMap;

        class Settings {
          private final Map<String, String> settings = new ConcurrentHashMap<>();

          String get(String key) {
            return settings.get(key);
          }

          void replaceAll(Map<String, String> values) {
            settings.clear();
            settings.putAll(values);
          }
        }
        """,
        """
        package app;

        import dev.clearguard.runtime.SnapshotMap;
        import java.util.Map;
        import java.util.concurrent.ConcurrentHashMap;

        class Settings {
          private final SnapshotMap<String, String> settings = new SnapshotMap<>();

          String get(String key) {
            return settings.get(key);
          }

          void replaceAll(Map<String, String> values) {
            settings.swap(values);
          }
        }
        """);
  }

  @Test
  void fixSnapshotMapPutLoopBuildsALocalMapFirst() {
    FixTester.assertFix(
        dir,
        true,
        """
        package app;

        import java.util.Map;
        import java.util.Properties;
        import java.util.concurrent.ConcurrentHashMap;

        class Settings {
          private final Map<String, String> settings = new ConcurrentHashMap<>();

          void reloadFrom(Properties props) {
            if (props != null) {
              settings.clear();
              for (String name : props.stringPropertyNames()) {
                settings.put(name, props.getProperty(name));
              }
            }
          }
        }
        """,
        """
        package app;

        import dev.clearguard.runtime.SnapshotMap;
        import java.util.HashMap;
        import java.util.Map;
        import java.util.Properties;
        import java.util.concurrent.ConcurrentHashMap;

        class Settings {
          private final SnapshotMap<String, String> settings = new SnapshotMap<>();

          void reloadFrom(Properties props) {
            if (props != null) {
              Map<String, String> freshSettings = new HashMap<>();
              for (String name : props.stringPropertyNames()) {
                freshSettings.put(name, props.getProperty(name));
              }
              settings.swap(freshSettings);
            }
          }
        }
        """);
  }

  @Test
  void fixVolatilePublishBuildsALocalMapThenAssignsIt() {
    FixTester.assertFix(
        dir,
        false,
        """
        package app;

        import java.util.Map;
        import java.util.concurrent.ConcurrentHashMap;

        class Flags {
          private final Map<String, Boolean> overrides = new ConcurrentHashMap<>();

          void replaceOverrides(Map<String, Boolean> fresh) {
            overrides.clear();
            fresh.forEach(overrides::put); // from the admin console
          }

          void replaceAll(Map<String, Boolean> values) {
            this.overrides.clear();
            this.overrides.putAll(values);
          }
        }
        """,
        """
        package app;

        import java.util.Map;
        import java.util.concurrent.ConcurrentHashMap;

        class Flags {
          private volatile Map<String, Boolean> overrides = new ConcurrentHashMap<>();

          void replaceOverrides(Map<String, Boolean> fresh) {
            Map<String, Boolean> freshOverrides = new ConcurrentHashMap<>();
            fresh.forEach(freshOverrides::put); // from the admin console
            overrides = freshOverrides;
          }

          void replaceAll(Map<String, Boolean> values) {
            this.overrides = new ConcurrentHashMap<>(values);
          }
        }
        """);
  }
}
