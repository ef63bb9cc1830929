package nl.herstel.incidents.command;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;
import nl.herstel.platform.domain.RuleViolation;

/** The time and digest checks the incident's records share; each names the field it refuses. */
final class Times {
  /** How far a reported time may lie beyond our clock: the SOC's clock is not ours. */
  static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

  /** No alert or restoration predates this; earlier times are typing errors. */
  static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private Times() {}

  static void notInTheFuture(String field, Instant at, Instant now) {
    if (at.isAfter(now.plus(CLOCK_TOLERANCE))) {
      throw new RuleViolation(field, field + " lies in the future by more than 5 minutes");
    }
  }

  static void notBefore(String field, Instant at, Instant earliest, String what) {
    if (at.isBefore(earliest)) {
      throw new RuleViolation(field, field + " must not be before " + what + " (" + earliest + ")");
    }
  }

  /** The digest in normal form (lower case, stripped); refused unless it is a SHA-256 digest. */
  static String sha256(String field, String value) {
    String hash = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    if (!SHA256.matcher(hash).matches()) {
      throw new RuleViolation(
          field, field + " must be a SHA-256 digest: 64 hexadecimal characters");
    }
    return hash;
  }
}
