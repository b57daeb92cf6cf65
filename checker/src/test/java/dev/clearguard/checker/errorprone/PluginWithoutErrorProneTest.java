package dev.clearguard.checker.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -Xplugin:ClearGuard} must work for users who have never heard of Error Prone, although the
 * same jar carries the Error Prone adapters. A separate javac (the build's JDK, as a process) runs
 * the plugin from its own class path without Error Prone, and again with Error Prone's API on the
 * processor path while logging every class the JVM loads: no Error Prone class may be among them.
 * (The samples module additionally runs the packaged, shaded jar alone on JDK 25.)
 */
final class PluginWithoutErrorProneTest {
  private static final String CACHE =
      """
      package app;
      import java.util.Map;
      import java.util.concurrent.ConcurrentHashMap;
      class Cache {
        private final Map<String, String> entries = new ConcurrentHashMap<>();
        String get(String k) { return entries.get(k); }
        void reset() {
          entries.keySet().removeIf(k -> true);
        }
      }
      """;
  private static final Pattern EP_LOADED =
      Pattern.compile("\\[class,load\\] com\\.google\\.errorprone\\.");

  @TempDir Path dir;

  @Test
  void positivePluginRunsWithoutErrorProneOnTheProcessorPath() throws Exception {
    List<String> path = pluginPath();
    assertTrue(path.stream().noneMatch(PluginWithoutErrorProneTest::isErrorProne), path::toString);
    String output = javac(path, List.of());
    assertTrue(output.contains("Note: [IterateRemoveClear]"), output);
    assertFalse(output.contains("NoClassDefFoundError"), output);
  }

  @Test
  void positivePluginLoadsNoErrorProneClassEvenWhenErrorProneIsThere() throws Exception {
    List<String> path = new ArrayList<>(pluginPath());
    List<String> errorProne =
        classPath().stream()
            .filter(PluginWithoutErrorProneTest::isErrorProne)
            // error_prone_core registers its own javac plugin, which javac's plugin lookup would
            // instantiate: that load would be javac's, not ClearGuard's.
            .filter(entry -> !entry.contains("error_prone_core"))
            .toList();
    assertTrue(
        errorProne.stream().anyMatch(e -> e.contains("error_prone_check_api")),
        errorProne::toString);
    path.addAll(errorProne);
    String output = javac(path, List.of("-J-Xlog:class+load=info"));
    assertTrue(output.contains("Note: [IterateRemoveClear]"), output);
    assertTrue(output.contains("[class,load] dev.clearguard.checker.ClearGuardListener"), output);
    assertEquals(
        "",
        output
            .lines()
            .filter(line -> EP_LOADED.matcher(line).find())
            .collect(Collectors.joining("\n")));
  }

  /** The plugin's own classes and its runtime dependencies: what the shaded jar holds. */
  private static List<String> pluginPath() {
    return classPath().stream()
        .filter(
            entry ->
                entry.replace('\\', '/').endsWith("checker/target/classes")
                    || entry.replace('\\', '/').endsWith("rules/target/classes")
                    || entry.contains("clearguard-rules")
                    || entry.contains("javaparser-core"))
        .toList();
  }

  private static boolean isErrorProne(String entry) {
    return entry.replace('\\', '/').contains("/com/google/errorprone/");
  }

  private static List<String> classPath() {
    return Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
  }

  private String javac(List<String> processorPath, List<String> jvmOptions)
      throws IOException, InterruptedException {
    Path source = dir.resolve("src/app/Cache.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, CACHE);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "javac").toString());
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-processorpath",
            String.join(File.pathSeparator, processorPath),
            "-Xplugin:ClearGuard",
            "-d",
            Files.createDirectories(dir.resolve("classes")).toString(),
            source.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "javac timed out");
    assertEquals(0, process.exitValue(), output);
    return output;
  }
}
