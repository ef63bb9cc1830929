package nl.herstel.bia.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import nl.herstel.platform.domain.RuleViolation;

/** Moments in query parameters, such as {@code ?asOf=2026-10-01T12:00:00Z}. */
final class Moments {
  private Moments() {}

  static Instant parse(String parameter, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new RuleViolation(
          parameter, parameter + " must be an ISO-8601 instant such as 2026-10-01T12:00:00Z");
    }
  }
}
