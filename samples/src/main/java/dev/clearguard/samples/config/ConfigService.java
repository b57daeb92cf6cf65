package dev.clearguard.samples.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Application settings read from a properties file and hot-reloaded on a fixed schedule. */
public final class ConfigService implements AutoCloseable {
  private final Map<String, String> settings = new ConcurrentHashMap<>();
  private final Map<String, String> lastError = new ConcurrentHashMap<>();
  private final ScheduledExecutorService reloader = Executors.newSingleThreadScheduledExecutor();
  private final Path file;

  public ConfigService(Path file) {
    this.file = file;
  }

  public void start(long periodSeconds) {
    reloader.scheduleWithFixedDelay(this::reload, 0, periodSeconds, TimeUnit.SECONDS);
  }

  public String get(String key, String fallback) {
    return settings.getOrDefault(key, fallback);
  }

  public int getInt(String key, int fallback) {
    String value = settings.get(key);
    return value == null ? fallback : Integer.parseInt(value.trim());
  }

  /** The most recent reload failure, keyed by source, or an empty map. */
  public Map<String, String> lastError() {
    return Map.copyOf(lastError);
  }

  void reload() {
    Properties props = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      props.load(reader);
    } catch (IOException e) {
      recordFailure(file.toString(), e.getMessage());
      return;
    }
    reloadFrom(props);
    clearErrors();
  }

  /** Replaces every setting with the given properties. */
  public void reloadFrom(Properties props) {
    // A request reading between clear() and the last put() finds keys missing and falls back to
    // its hard-coded default, e.g. a timeout of 0.
    settings.clear();
    for (String name : props.stringPropertyNames()) {
      settings.put(name, props.getProperty(name));
    }
  }

  /** Replaces every setting at once; called by the admin endpoint. */
  public void replaceAll(Map<String, String> values) {
    settings.clear();
    settings.putAll(values);
  }

  // Tests call this before any request thread starts, so no reader can observe the gap.
  @SuppressWarnings("ClearGuard")
  void replaceForTests(Map<String, String> values) {
    settings.clear();
    settings.putAll(values);
  }

  private void recordFailure(String source, String message) {
    // Only the latest failure is kept.
    lastError.clear();
    lastError.put(source, message == null ? "unknown error" : message);
  }

  private void clearErrors() {
    lastError.keySet().removeIf(source -> true);
  }

  @Override
  public void close() {
    reloader.shutdownNow();
  }
}
