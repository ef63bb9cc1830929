package nl.herstel.contracts.plans;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * A version of a recovery plan (herstelplan, IT disaster recovery plan) was published: the playbook
 * during an incident, naming the processes it covers, the roles that may activate it, its scenario
 * cards, and what a recovery team needs at hand (criteria, mandates, teams, call tree); see
 * DOMAIN.md, step 2. A later version supersedes the earlier one. The fields after {@code
 * occurredAt} were added later: consumers that do not know them keep working.
 *
 * @param planId the plan's id; the subject
 * @param name the plan's name
 * @param version the published version, counting up from 1 (every change of the plan counts)
 * @param coveredProcessIds the business processes this plan recovers
 * @param activationRoles the roles that may activate the plan
 * @param scenarioCards the plan's scenario cards
 * @param occurredAt when the plan was published
 * @param owner who keeps the plan current; nullable
 * @param activationCriteria in which cases the plan is invoked
 * @param terminationCriteria when the recovery ends
 * @param mandates which decisions each role may take
 * @param teams the recovery organisation
 * @param callTree whom to call, in order, and how when the network is down
 * @param reviewDue when the plan must next be reviewed; nullable
 */
public record PlanPublished(
    String planId,
    String name,
    int version,
    List<String> coveredProcessIds,
    List<String> activationRoles,
    List<ScenarioCard> scenarioCards,
    Instant occurredAt,
    String owner,
    List<String> activationCriteria,
    List<String> terminationCriteria,
    List<Mandate> mandates,
    List<Team> teams,
    List<CallTreeEntry> callTree,
    LocalDate reviewDue)
    implements IntegrationEvent {

  public PlanPublished {
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(name, "name");
    coveredProcessIds = List.copyOf(Objects.requireNonNull(coveredProcessIds, "coveredProcessIds"));
    activationRoles = List.copyOf(Objects.requireNonNull(activationRoles, "activationRoles"));
    scenarioCards = List.copyOf(Objects.requireNonNull(scenarioCards, "scenarioCards"));
    Objects.requireNonNull(occurredAt, "occurredAt");
    activationCriteria = activationCriteria == null ? List.of() : List.copyOf(activationCriteria);
    terminationCriteria =
        terminationCriteria == null ? List.of() : List.copyOf(terminationCriteria);
    mandates = mandates == null ? List.of() : List.copyOf(mandates);
    teams = teams == null ? List.of() : List.copyOf(teams);
    callTree = callTree == null ? List.of() : List.copyOf(callTree);
  }

  /** A plan as the first versions published it. */
  public PlanPublished(
      String planId,
      String name,
      int version,
      List<String> coveredProcessIds,
      List<String> activationRoles,
      List<ScenarioCard> scenarioCards,
      Instant occurredAt) {
    this(
        planId,
        name,
        version,
        coveredProcessIds,
        activationRoles,
        scenarioCards,
        occurredAt,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  @Override
  public String subject() {
    return planId;
  }

  /** A decision a role may take, e.g. DISCONNECT (stekkermandaat); description nullable. */
  public record Mandate(String role, String decision, String description) {
    public Mandate {
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(decision, "decision");
    }
  }

  /** A team of the recovery organisation, e.g. kind NETWORK. */
  public record Team(String id, String name, String kind, List<TeamMember> members) {
    public Team {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(kind, "kind");
      members = members == null ? List.of() : List.copyOf(members);
    }
  }

  /** A member of a team in a role, with their deputy's name (nullable). */
  public record TeamMember(String name, String role, String deputy) {
    public TeamMember {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(role, "role");
    }
  }

  /**
   * One rung of the call tree, in escalation order, with how to reach the person.
   *
   * @param escalateAfter after how long without answer the next is tried; nullable
   */
  public record CallTreeEntry(
      int position,
      String name,
      String organisation,
      String function,
      Duration escalateAfter,
      List<Channel> channels) {
    public CallTreeEntry {
      Objects.requireNonNull(name, "name");
      channels = channels == null ? List.of() : List.copyOf(channels);
    }
  }

  /** A way to reach someone: kind (PHONE, SMS, MESSENGER, MEETING_POINT, …) and address. */
  public record Channel(String kind, String address, boolean outOfBand) {
    public Channel {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(address, "address");
    }
  }
}
