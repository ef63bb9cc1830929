package nl.herstel.contracts.plans;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * A version of a recovery plan (herstelplan, IT disaster recovery plan) was published: the playbook
 * during an incident, naming the processes it covers, the roles that may activate it and its
 * scenario cards; see DOMAIN.md, step 2. A later version supersedes the earlier one.
 *
 * @param planId the plan's id; the subject
 * @param name the plan's name
 * @param version the published version, counting up from 1
 * @param coveredProcessIds the business processes this plan recovers
 * @param activationRoles the roles that may activate the plan
 * @param scenarioCards the plan's scenario cards
 * @param occurredAt when the plan was published
 */
public record PlanPublished(
    String planId,
    String name,
    int version,
    List<String> coveredProcessIds,
    List<String> activationRoles,
    List<ScenarioCard> scenarioCards,
    Instant occurredAt)
    implements IntegrationEvent {

  public PlanPublished {
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(name, "name");
    coveredProcessIds = List.copyOf(Objects.requireNonNull(coveredProcessIds, "coveredProcessIds"));
    activationRoles = List.copyOf(Objects.requireNonNull(activationRoles, "activationRoles"));
    scenarioCards = List.copyOf(Objects.requireNonNull(scenarioCards, "scenarioCards"));
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return planId;
  }
}
