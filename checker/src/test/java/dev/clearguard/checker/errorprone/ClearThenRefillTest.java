package dev.clearguard.checker.errorprone;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.CompilationTestHelper;
import dev.clearguard.testing.TestCompiler;
import org.junit.jupiter.api.Test;

final class ClearThenRefillTest {
  private final CompilationTestHelper compilation =
      CompilationTestHelper.newInstance(ClearThenRefill.class, getClass());
  private final BugCheckerRefactoringTestHelper refactoring =
      BugCheckerRefactoringTestHelper.newInstance(ClearThenRefill.class, getClass());

  @Test
  void negativeSuppressedOnTheMethod() {
    compilation
        .addSourceLines(
            "Config.java",
            """
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            class Config {
              private final Map<String, String> values = new ConcurrentHashMap<>();
              @SuppressWarnings("ClearThenRefill")
              void reload(Map<String, String> fresh) {
                values.clear();
                values.putAll(fresh);
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativeClearThenOnePutIsAMemoCache() {
    compilation
        .addSourceLines(
            "Memo.java",
            """
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            class Memo {
              private final Map<String, String> values = new ConcurrentHashMap<>();
              void remember(String k, String v) {
                if (values.size() > 100) {
                  values.clear();
                }
                values.put(k, v);
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveClearThenPutAll() {
    compilation
        .addSourceLines(
            "Config.java",
            """
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            class Config {
              private final Map<String, String> values = new ConcurrentHashMap<>();
              void reload(Map<String, String> fresh) {
                // BUG: Diagnostic contains: [ClearThenRefill] Between `values.clear()` and the refill
                values.clear();
                values.putAll(fresh);
              }
            }
            """)
        .doTest();
  }

  @Test
  void fixSnapshotMapSwapsInTheNewContents() {
    refactoring
        .setArgs("-classpath", TestCompiler.classPathWithSnapshotMap())
        .addInputLines(
            "Config.java",
            """
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            class Config {
              private final Map<String, String> values = new ConcurrentHashMap<>(64);
              void reload(Map<String, String> fresh) {
                values.clear();
                values.putAll(fresh);
              }
            }
            """)
        .addOutputLines(
            "Config.java",
            """
            import dev.clearguard.runtime.SnapshotMap;
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            class Config {
              private final SnapshotMap<String, String> values = new SnapshotMap<>(64);
              void reload(Map<String, String> fresh) {
                values.swap(fresh);
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void fixSnapshotMapPutLoopBuildsALocalMapFirst() {
    // Both imports go in at the same place, as one edit: the refill's fix carries the migration's.
    refactoring
        .setArgs("-classpath", TestCompiler.classPathWithSnapshotMap())
        .addInputLines(
            "Settings.java",
            """
            import java.util.Map;
            import java.util.Properties;
            import java.util.concurrent.ConcurrentHashMap;
            class Settings {
              private final Map<String, String> settings = new ConcurrentHashMap<>();
              void reloadFrom(Properties props) {
                settings.clear();
                for (String name : props.stringPropertyNames()) {
                  settings.put(name, props.getProperty(name));
                }
              }
            }
            """)
        .addOutputLines(
            "Settings.java",
            """
            import dev.clearguard.runtime.SnapshotMap;
            import java.util.HashMap;
            import java.util.Map;
            import java.util.Properties;
            import java.util.concurrent.ConcurrentHashMap;
            class Settings {
              private final SnapshotMap<String, String> settings = new SnapshotMap<>();
              void reloadFrom(Properties props) {
                Map<String, String> freshSettings = new HashMap<>();
                for (String name : props.stringPropertyNames()) {
                  freshSettings.put(name, props.getProperty(name));
                }
                settings.swap(freshSettings);
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void fixVolatilePublishWithoutTheRuntime() {
    // Without SnapshotMap the field becomes volatile and the new contents are published in one
    // assignment of a complete map.
    refactoring
        .addInputLines(
            "Config.java",
            """
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            class Config {
              private final Map<String, String> values = new ConcurrentHashMap<>();
              void reload(Map<String, String> fresh) {
                values.clear();
                values.putAll(fresh);
              }
            }
            """)
        .addOutputLines(
            "Config.java",
            """
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            class Config {
              private volatile Map<String, String> values = new ConcurrentHashMap<>();
              void reload(Map<String, String> fresh) {
                values = new ConcurrentHashMap<>(fresh);
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }
}
