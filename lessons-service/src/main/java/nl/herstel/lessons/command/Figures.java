package nl.herstel.lessons.command;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * How lessons write the figures of their proposals: durations as people write them, targets in
 * whole hours, and proposal ids that the same evidence always gives again.
 */
final class Figures {
  private static final Duration HOUR = Duration.ofHours(1);

  private Figures() {}

  /** The same id for the same parts (kind, incidents, process), however often it is computed. */
  static String proposalId(String... parts) {
    return UUID.nameUUIDFromBytes(
            ("proposal:" + String.join(":", parts)).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /** Targets are set in whole hours: the duration, rounded up to the next whole hour. */
  static Duration roundedUpToTheHour(Duration actual) {
    long hours = actual.toSeconds() / HOUR.toSeconds();
    return actual.equals(Duration.ofHours(hours)) ? actual : Duration.ofHours(hours + 1);
  }

  /** A duration as people write it: 11h, 10h30m, 45m, 2h0m5s. */
  static String readable(Duration duration) {
    long hours = duration.toHours();
    int minutes = duration.toMinutesPart();
    int seconds = duration.toSecondsPart();
    StringBuilder text = new StringBuilder();
    if (hours > 0) {
      text.append(hours).append('h');
    }
    if (minutes > 0 || (hours > 0 && seconds > 0)) {
      text.append(minutes).append('m');
    }
    if (seconds > 0 || text.isEmpty()) {
      text.append(seconds).append('s');
    }
    return text.toString();
  }
}
