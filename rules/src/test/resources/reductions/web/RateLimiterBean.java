package web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import stereotype.Scheduled;
import stereotype.Service;

/** Reduced from a per-client rate limiter whose buckets are reset every minute. */
@Service
public class RateLimiterBean {
  private Map<String, AtomicInteger> buckets = new ConcurrentHashMap<>();

  public boolean tryAcquire(String client, int limit) {
    return buckets.computeIfAbsent(client, c -> new AtomicInteger()).incrementAndGet() <= limit;
  }

  @Scheduled
  public void resetBuckets() {
    // BUG: Diagnostic contains: UnsafeMapReassignment
    buckets = new ConcurrentHashMap<>();
  }
}
