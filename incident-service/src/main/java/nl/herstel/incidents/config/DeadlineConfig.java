package nl.herstel.incidents.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How the deadline clock polls for RTO, MTPD and notification deadlines that passed. */
@ApplicationScoped
public class DeadlineConfig {

  /**
   * {@code herstel.deadlines.poll-interval}: how often the clock looks for deadlines that passed
   * (ISO-8601 duration, default PT5S): a breach is recorded at most this long after its deadline
   * while the service runs, and at start-up for those that passed while it was down.
   */
  @Inject
  @ConfigProperty(name = "herstel.deadlines.poll-interval", defaultValue = "PT5S")
  String pollInterval;

  /**
   * {@code herstel.deadlines.retry-after}: how long the clock leaves a deadline alone after asking
   * the incident failed (for example a concurrent change), default PT30S.
   */
  @Inject
  @ConfigProperty(name = "herstel.deadlines.retry-after", defaultValue = "PT30S")
  String retryAfter;

  public Duration pollInterval() {
    return positive(Duration.parse(pollInterval), Duration.ofSeconds(5));
  }

  public Duration retryAfter() {
    return positive(Duration.parse(retryAfter), Duration.ofSeconds(30));
  }

  private static Duration positive(Duration value, Duration fallback) {
    return value.isZero() || value.isNegative() ? fallback : value;
  }
}
