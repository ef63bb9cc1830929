package nl.herstel.incidents.rest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/** The same alert always maps to the same incident id; the source's case does not matter. */
final class IncidentIds {
  private IncidentIds() {}

  static String of(String source, String sourceId) {
    return UUID.nameUUIDFromBytes(
            (source.toLowerCase(Locale.ROOT) + "\u0000" + sourceId)
                .getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
