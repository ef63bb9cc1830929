package nl.herstel.gateway.routing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Locks a client out of key-authenticated intake after it sent too many refused API keys in a
 * window: guessing keys then costs the lock-out time per handful of tries.
 */
public final class KeyLockout {
  private final int attempts;
  private final long windowNanos;
  private final long lockoutNanos;
  private final LongSupplier clock;
  private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();
  private final Map<String, Long> lockedUntil = new ConcurrentHashMap<>();

  public KeyLockout(int attempts, Duration window, Duration lockout, LongSupplier nanoClock) {
    this.attempts = Math.max(attempts, 1);
    this.windowNanos = window.toNanos();
    this.lockoutNanos = lockout.toNanos();
    this.clock = nanoClock;
  }

  /** How long {@code client} stays locked out, or {@link Duration#ZERO}. */
  public Duration remaining(String client) {
    Long until = lockedUntil.get(client);
    if (until == null) {
      return Duration.ZERO;
    }
    long left = until - clock.getAsLong();
    if (left <= 0) {
      lockedUntil.remove(client, until);
      return Duration.ZERO;
    }
    return Duration.ofNanos(left);
  }

  /** Records a refused key from {@code client}; locks it out when the window holds too many. */
  public void refused(String client) {
    long now = clock.getAsLong();
    Deque<Long> times = failures.computeIfAbsent(client, c -> new ArrayDeque<>());
    synchronized (times) {
      times.addLast(now);
      while (!times.isEmpty() && now - times.peekFirst() > windowNanos) {
        times.removeFirst();
      }
      if (times.size() >= attempts) {
        lockedUntil.put(client, now + lockoutNanos);
        times.clear();
      }
    }
    if (failures.size() > 100_000) {
      failures.clear();
    }
  }
}
