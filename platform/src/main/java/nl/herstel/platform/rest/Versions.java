package nl.herstel.platform.rest;

import jakarta.ws.rs.core.EntityTag;
import nl.herstel.platform.domain.RuleViolation;

/** Aggregate versions as HTTP entity tags: ETag {@code "3"}, If-Match {@code "3"}. */
public final class Versions {
  private Versions() {}

  public static EntityTag tag(long version) {
    return new EntityTag(Long.toString(version));
  }

  /** The version an If-Match header names, or null without one; {@code *} matches any. */
  public static Long ifMatch(String header) {
    if (header == null || header.isBlank() || header.strip().equals("*")) {
      return null;
    }
    String value = header.strip();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    try {
      long version = Long.parseLong(value);
      if (version < 0) {
        throw new NumberFormatException();
      }
      return version;
    } catch (NumberFormatException e) {
      throw new RuleViolation(
          "If-Match", "If-Match must be an ETag this service gave out, such as \"3\"");
    }
  }
}
