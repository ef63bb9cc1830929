package nl.herstel.incidents.rest;

import jakarta.enterprise.context.RequestScoped;
import nl.herstel.platform.domain.RuleViolation;

/**
 * Who posts to the intake in this request: with an API key, the source the key was issued for.
 * Alerts posted with a key must name that source, so one tool's key cannot speak for another.
 */
@RequestScoped
public class IntakeCaller {
  private String keySource;

  void authenticatedByKey(String source) {
    keySource = source;
  }

  /** Refuses an alert whose source is not the one its API key was issued for. */
  public void requireSource(String source) {
    if (keySource != null && !keySource.equalsIgnoreCase(source)) {
      throw new RuleViolation(
          "source",
          "This API key is for source '"
              + keySource
              + "'; it cannot post alerts of source '"
              + source
              + "'");
    }
  }
}
