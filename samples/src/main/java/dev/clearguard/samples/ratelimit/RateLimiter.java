package dev.clearguard.samples.ratelimit;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Per-API-key request limits: one-second windows, tiered defaults and temporary penalties. */
public final class RateLimiter {
  private final Map<String, AtomicInteger> buckets = new ConcurrentHashMap<>();
  private final Map<String, Long> windowStarts = new ConcurrentHashMap<>();
  private final Map<String, Instant> penalties = new ConcurrentHashMap<>();
  private final AtomicReference<Map<String, Integer>> customLimits =
      new AtomicReference<>(Map.of());
  private Map<String, Integer> tierLimits;

  {
    Map<String, Integer> tiers = new HashMap<>();
    tiers.put("free", 10);
    tiers.put("pro", 100);
    tiers.put("enterprise", 1000);
    tierLimits = tiers;
  }

  public boolean tryAcquire(String apiKey, String tier, Instant now) {
    Instant penaltyEnd = penalties.get(apiKey);
    if (penaltyEnd != null && now.isBefore(penaltyEnd)) {
      return false;
    }
    long second = now.getEpochSecond();
    if (!Long.valueOf(second).equals(windowStarts.put(apiKey, second))) {
      buckets.put(apiKey, new AtomicInteger());
    }
    int limit = customLimits.get().getOrDefault(apiKey, tierLimits.getOrDefault(tier, 10));
    return buckets.computeIfAbsent(apiKey, k -> new AtomicInteger()).incrementAndGet() <= limit;
  }

  public void penalize(String apiKey, Instant until) {
    penalties.put(apiKey, until);
  }

  /** Installs per-key limits negotiated by sales. */
  public void setCustomLimits(Map<String, Integer> limits) {
    customLimits.set(Map.copyOf(limits));
  }

  public void resetCustomLimits() {
    customLimits.set(Map.of());
  }

  /** Gives every key a fresh budget, e.g. after an outage. */
  public void resetBuckets() {
    // Keys given a new bucket while this runs may keep their spent budget or lose the fresh one.
    for (Iterator<AtomicInteger> it = buckets.values().iterator(); it.hasNext(); ) {
      it.next();
      it.remove();
    }
  }

  public void resetWindows() {
    windowStarts.keySet().retainAll(Collections.emptySet());
  }

  /** Lifts every penalty; called by the on-call tool. */
  public void forgiveAll() {
    penalties.entrySet().removeIf(entry -> true);
  }
}
