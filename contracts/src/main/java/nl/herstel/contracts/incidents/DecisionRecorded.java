package nl.herstel.contracts.incidents;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * A decision was taken during the incident, in the BOB structure (beeldvorming, oordeelsvorming,
 * besluitvorming: what is known and unknown, the options and their risks, then the decision and
 * why), under a mandate; the evaluation looks back on it.
 *
 * @param incidentId the incident's id; the subject
 * @param decisionId the decision's id
 * @param known what was known
 * @param unknown what was not known
 * @param options the options weighed
 * @param risks the risks seen
 * @param what what was decided
 * @param rationale why; nullable
 * @param mandate the mandate under which it was decided; nullable
 * @param decidedBy who decided
 * @param occurredAt when it was recorded
 */
public record DecisionRecorded(
    String incidentId,
    String decisionId,
    List<String> known,
    List<String> unknown,
    List<String> options,
    List<String> risks,
    String what,
    String rationale,
    String mandate,
    String decidedBy,
    Instant occurredAt)
    implements IntegrationEvent {

  public DecisionRecorded {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(decisionId, "decisionId");
    known = List.copyOf(Objects.requireNonNull(known, "known"));
    unknown = List.copyOf(Objects.requireNonNull(unknown, "unknown"));
    options = List.copyOf(Objects.requireNonNull(options, "options"));
    risks = List.copyOf(Objects.requireNonNull(risks, "risks"));
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(decidedBy, "decidedBy");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return incidentId;
  }
}
