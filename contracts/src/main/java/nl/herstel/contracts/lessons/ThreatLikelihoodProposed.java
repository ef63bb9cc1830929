package nl.herstel.contracts.lessons;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * Lessons learned propose a higher likelihood for a threat of the BIA's threat analysis
 * (dreigingsanalyse, DOMAIN.md BIA step 2), because incidents of the matching category occurred
 * more often in the last year than the current likelihood says (DOMAIN.md, "Improve"). The BIA
 * shows it pending until it is accepted or rejected; the decision comes back as {@code
 * RevisionDecided} naming the proposal and the threat. Which category matches which threat is one
 * rule: {@link nl.herstel.contracts.ThreatCategories}.
 *
 * @param proposalId the proposal's id; the same threat and incidents always give the same id
 * @param threatId the threat whose likelihood it would revise; the subject
 * @param threatName the threat's name as lessons knew it
 * @param category the incident category counted, e.g. {@code RANSOMWARE}
 * @param incidentId the incident whose review made the proposal
 * @param currentLikelihood the threat's likelihood when proposed, 1 (rare) to 5 (almost certain)
 * @param proposedLikelihood the likelihood the incidents observed point to, 1 to 5
 * @param windowFrom the start of the year counted (exclusive)
 * @param windowTo the end of the year counted (inclusive)
 * @param incidents the incidents counted, at least one: the evidence
 * @param rationale why, for the one who decides
 * @param occurredAt when it was proposed
 */
public record ThreatLikelihoodProposed(
    String proposalId,
    String threatId,
    String threatName,
    String category,
    String incidentId,
    int currentLikelihood,
    int proposedLikelihood,
    Instant windowFrom,
    Instant windowTo,
    List<Occurrence> incidents,
    String rationale,
    Instant occurredAt)
    implements IntegrationEvent {

  /**
   * One incident of the category counted; a value inside {@link ThreatLikelihoodProposed}.
   *
   * @param incidentId the incident
   * @param disruptedAt when its disruption began
   */
  public record Occurrence(String incidentId, Instant disruptedAt) {
    public Occurrence {
      Objects.requireNonNull(incidentId, "incidentId");
      Objects.requireNonNull(disruptedAt, "disruptedAt");
    }
  }

  public ThreatLikelihoodProposed {
    Objects.requireNonNull(proposalId, "proposalId");
    Objects.requireNonNull(threatId, "threatId");
    Objects.requireNonNull(threatName, "threatName");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(windowFrom, "windowFrom");
    Objects.requireNonNull(windowTo, "windowTo");
    incidents = List.copyOf(Objects.requireNonNull(incidents, "incidents"));
    Objects.requireNonNull(rationale, "rationale");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return threatId;
  }
}
