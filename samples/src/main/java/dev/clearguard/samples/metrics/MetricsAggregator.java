package dev.clearguard.samples.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Collects counters, gauges and maxima from request threads and flushes them periodically. */
public final class MetricsAggregator implements AutoCloseable {
  /** Where flushed values go, e.g. a StatsD client. */
  public interface Sink {
    void send(String name, double value, Map<String, String> tags);
  }

  private final Map<String, Long> counters = new ConcurrentHashMap<>();
  private final Map<String, Double> gauges = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Long> maxima = new ConcurrentHashMap<>();
  private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor();
  private final Sink sink;
  private Map<String, String> commonTags = new HashMap<>();

  public MetricsAggregator(Sink sink) {
    this.sink = sink;
  }

  public void start(long periodSeconds) {
    flusher.scheduleAtFixedRate(this::flush, periodSeconds, periodSeconds, TimeUnit.SECONDS);
  }

  public void increment(String name, long delta) {
    counters.merge(name, delta, Long::sum);
  }

  public void gauge(String name, double value) {
    gauges.put(name, value);
  }

  public void recordMax(String name, long value) {
    maxima.merge(name, value, Math::max);
  }

  /** Tags added to every flushed metric, such as host and region. */
  public void setCommonTags(Map<String, String> tags) {
    // Plain write, read by the flusher thread: it may keep sending the old tags indefinitely.
    commonTags = new HashMap<>(tags);
  }

  void flush() {
    flushCounters();
    gauges.forEach((name, value) -> sink.send(name, value, commonTags));
    flushMaxima();
  }

  private void flushCounters() {
    for (Map.Entry<String, Long> entry : counters.entrySet()) {
      sink.send(entry.getKey(), entry.getValue(), commonTags);
      // Removes the entry only if no increment landed since it was read; a newer count stays.
      counters.remove(entry.getKey(), entry.getValue());
    }
  }

  private void flushMaxima() {
    maxima.forEach((name, max) -> sink.send(name, max, commonTags));
    // A larger maximum recorded after the send above is removed unsent.
    maxima.forEach((name, max) -> maxima.remove(name));
  }

  /** Sends the current counters without resetting them, e.g. for a debug endpoint. */
  public void sendSnapshot() {
    Map<String, Long> pending = new TreeMap<>(counters);
    try {
      for (Iterator<Map.Entry<String, Long>> it = pending.entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<String, Long> entry = it.next();
        sink.send(entry.getKey(), entry.getValue(), commonTags);
        it.remove();
      }
    } catch (RuntimeException e) {
      throw new IllegalStateException(pending.size() + " counters not sent", e);
    }
  }

  /** Forgets gauges of components that have shut down. */
  public void clearGauges() {
    new ArrayList<>(gauges.keySet()).forEach(gauges::remove);
  }

  /** Starts every counter and maximum from zero, e.g. after a deployment. */
  public void reset() {
    // Increments made while these run are partly kept and partly lost.
    counters.keySet().forEach(counters::remove);
    maxima.keySet().stream().forEach(maxima::remove);
  }

  @Override
  public void close() {
    flusher.shutdown();
    flush();
  }

  /**
   * Re-reads the host's tags on a schedule and hands them to the aggregator: the run-time caller
   * that makes {@link #setCommonTags} race the flusher thread.
   */
  public static final class TagRefresher implements Runnable {
    private final MetricsAggregator aggregator;
    private final java.util.function.Supplier<Map<String, String>> source;

    public TagRefresher(
        MetricsAggregator aggregator, java.util.function.Supplier<Map<String, String>> source) {
      this.aggregator = aggregator;
      this.source = source;
    }

    @Override
    public void run() {
      aggregator.setCommonTags(source.get());
    }
  }
}
