package nl.herstel.plans.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How often readiness is recomputed to announce the processes whose readiness changed. */
@ApplicationScoped
public class ReadinessConfig {

  /**
   * {@code herstel.readiness.watch-interval}: how often the readiness of every process is
   * recomputed and a change published as ReadinessChanged (ISO-8601 duration, default PT30S).
   * Readiness also changes by the clock alone (a training expires, a restore test ages), so it is
   * watched rather than derived from events.
   */
  @Inject
  @ConfigProperty(name = "herstel.readiness.watch-interval", defaultValue = "PT30S")
  String watchInterval;

  public Duration watchInterval() {
    Duration d = Duration.parse(watchInterval);
    return d.isZero() || d.isNegative() ? Duration.ofSeconds(30) : d;
  }
}
