package nl.herstel.plans.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How often the review clock looks for published plans whose review date has passed. */
@ApplicationScoped
public class ReviewClockConfig {

  /**
   * {@code herstel.plans.review-clock.poll-interval}: ISO-8601 duration, default PT10M. A review
   * date is a day, so a plan is flagged at most this long after the day ended (UTC), and at
   * start-up for dates that passed while the service was down.
   */
  @Inject
  @ConfigProperty(name = "herstel.plans.review-clock.poll-interval", defaultValue = "PT10M")
  String pollInterval;

  public Duration pollInterval() {
    Duration value = Duration.parse(pollInterval);
    return value.isZero() || value.isNegative() ? Duration.ofMinutes(10) : value;
  }
}
