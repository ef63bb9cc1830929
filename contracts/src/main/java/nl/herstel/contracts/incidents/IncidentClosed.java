package nl.herstel.contracts.incidents;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * A cyber incident was closed: the recovery operation ended, with when each disrupted process was
 * restored (and to which point its data), what kind of incident it was and which plans were
 * activated. Lessons learned compute the actual recovery times and data loss from it and hold them
 * against the RTOs and RPOs; see DOMAIN.md, "Improve".
 *
 * @param incidentId the incident's id; the subject
 * @param disruptedAt when the disruption began
 * @param restorations when each disrupted process was restored
 * @param summary what happened and how it was resolved; nullable
 * @param occurredAt when the incident was closed
 * @param category the incident's category as incident-service names it ({@code RANSOMWARE}, {@code
 *     MALWARE}, {@code DDOS}, {@code DATA_BREACH}, {@code PHISHING}, {@code INTERNET_OUTAGE},
 *     {@code POWER_OUTAGE}, {@code FIRE}, {@code FLOOD}, {@code SUPPLIER_FAILURE}, {@code
 *     HUMAN_ERROR}, {@code OTHER}); nullable: not classified, or closed before it was published
 * @param activatedPlans the recovery plans activated during the incident, in order; empty when none
 *     was or when closed before it was published
 */
public record IncidentClosed(
    String incidentId,
    Instant disruptedAt,
    List<Restoration> restorations,
    String summary,
    Instant occurredAt,
    String category,
    List<ActivatedPlan> activatedPlans)
    implements IntegrationEvent {

  public IncidentClosed {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(disruptedAt, "disruptedAt");
    restorations = List.copyOf(Objects.requireNonNull(restorations, "restorations"));
    Objects.requireNonNull(occurredAt, "occurredAt");
    activatedPlans = activatedPlans == null ? List.of() : List.copyOf(activatedPlans);
  }

  /** A closure without category and plans, as published before they were added. */
  public IncidentClosed(
      String incidentId,
      Instant disruptedAt,
      List<Restoration> restorations,
      String summary,
      Instant occurredAt) {
    this(incidentId, disruptedAt, restorations, summary, occurredAt, null, List.of());
  }

  @Override
  public String subject() {
    return incidentId;
  }
}
