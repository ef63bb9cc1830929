package nl.herstel.gateway.routing;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Token buckets by key: each key may take {@code perSecond} on average and {@code burst} at once.
 * Idle keys are forgotten, so random keys from an attacker cannot grow the map without bound.
 */
public final class RateLimiter {
  private static final long NANOS = 1_000_000_000L;
  private static final int SWEEP_EVERY = 4096;

  private final double perNano;
  private final double burst;
  private final LongSupplier clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final AtomicInteger calls = new AtomicInteger();

  public RateLimiter(int perSecond, int burst, LongSupplier nanoClock) {
    this.perNano = Math.max(perSecond, 1) / (double) NANOS;
    this.burst = Math.max(burst, 1);
    this.clock = nanoClock;
  }

  /**
   * Takes one request for {@code key}: {@link Duration#ZERO} when admitted, else how long until one
   * would be.
   */
  public Duration take(String key) {
    long now = clock.getAsLong();
    if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
      sweep(now);
    }
    Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
    synchronized (bucket) {
      bucket.refill(now, perNano, burst);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return Duration.ZERO;
      }
      return Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / perNano));
    }
  }

  /** How many keys are remembered. */
  public int size() {
    return buckets.size();
  }

  private void sweep(long now) {
    for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
      Bucket bucket = it.next();
      synchronized (bucket) {
        bucket.refill(now, perNano, burst);
        if (bucket.tokens >= burst) {
          it.remove();
        }
      }
    }
  }

  private static final class Bucket {
    double tokens;
    long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }

    void refill(long now, double perNano, double burst) {
      if (now > at) {
        tokens = Math.min(burst, tokens + (now - at) * perNano);
        at = now;
      }
    }
  }
}
