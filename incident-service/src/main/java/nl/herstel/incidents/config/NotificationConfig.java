package nl.herstel.incidents.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import nl.herstel.incidents.api.NotificationAuthority;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which authorities this organisation may have to notify, and by when (DOMAIN.md, communication).
 * The Data Protection Authority's 72 hours are the law's (GDPR art. 33) and not configurable.
 */
@ApplicationScoped
public class NotificationConfig {
  /** GDPR art. 33: where feasible within 72 hours of becoming aware of a personal data breach. */
  static final Duration DATA_PROTECTION_AUTHORITY_DUE = Duration.ofHours(72);

  /**
   * NIS2 art. 23(4)(a): an early warning within 24 hours of becoming aware of a significant
   * incident. The Wbni itself says "without delay" and names no hours; the 24-hour early warning is
   * the first concrete deadline the law sets, so the clock counts to it. The full notification (72
   * hours) and the final report (one month) are separate obligations a commander can register.
   */
  static final Duration NCSC_EARLY_WARNING_DUE = Duration.ofHours(24);

  /**
   * {@code herstel.organisation.wbni-provider}: whether the organisation is a vital provider or an
   * essential entity under the Wbni/NIS2, and so must notify the NCSC of serious incidents (default
   * false: an NCSC obligation is then refused).
   */
  @Inject
  @ConfigProperty(name = "herstel.organisation.wbni-provider", defaultValue = "false")
  boolean wbniProvider;

  /**
   * {@code herstel.notifications.police-due}: the organisation's own deadline for reporting a crime
   * to the police, counted from discovery (ISO-8601 duration); unset: no due time. No law sets one.
   */
  @Inject
  @ConfigProperty(name = "herstel.notifications.police-due")
  Optional<String> policeDue;

  /**
   * {@code herstel.notifications.aivd-due}: the organisation's own deadline for reporting a
   * suspected state actor to the AIVD (ISO-8601 duration); unset: no due time. No law sets one.
   */
  @Inject
  @ConfigProperty(name = "herstel.notifications.aivd-due")
  Optional<String> aivdDue;

  public boolean wbniProvider() {
    return wbniProvider;
  }

  /** How long after discovery a notification to {@code authority} is due, if anything says. */
  public Optional<Duration> due(NotificationAuthority authority) {
    return switch (authority) {
      case DATA_PROTECTION_AUTHORITY -> Optional.of(DATA_PROTECTION_AUTHORITY_DUE);
      case NCSC -> Optional.of(NCSC_EARLY_WARNING_DUE);
      case POLICE -> policeDue.filter(s -> !s.isBlank()).map(Duration::parse);
      case AIVD -> aivdDue.filter(s -> !s.isBlank()).map(Duration::parse);
    };
  }
}
