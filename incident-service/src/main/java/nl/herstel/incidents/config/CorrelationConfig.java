package nl.herstel.incidents.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How alerts are correlated into open incidents. */
@ApplicationScoped
public class CorrelationConfig {

  /**
   * {@code herstel.incidents.correlation-window}: a new alert touching an asset of an open incident
   * disrupted at most this long before or after the alert's detection joins that incident instead
   * of opening one (ISO-8601 duration, default PT4H; PT0S turns correlation off).
   */
  @Inject
  @ConfigProperty(name = "herstel.incidents.correlation-window", defaultValue = "PT4H")
  String window;

  public Duration window() {
    return Duration.parse(window);
  }
}
