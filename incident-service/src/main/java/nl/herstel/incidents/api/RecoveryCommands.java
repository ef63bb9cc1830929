package nl.herstel.incidents.api;

import java.time.Instant;
import java.util.List;
import nl.herstel.contracts.incidents.Severity;
import nl.herstel.incidents.api.IncidentEvents.AffectedProcess;
import nl.herstel.incidents.api.IncidentEvents.AssetRef;
import nl.herstel.platform.security.Roles;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The commands of running the recovery of an incident: its category, the activation of a recovery
 * plan (herstelplan) with one of its scenario cards, the recovery tasks, and the manual merge and
 * split of incidents (DOMAIN.md, step 2 and "Communication and coordination").
 */
public final class RecoveryCommands {
  private RecoveryCommands() {}

  /** Say what kind of incident this is; the category picks the fitting scenario cards. */
  public record ClassifyIncident(
      @TargetAggregateIdentifier String incidentId, IncidentCategory category, String reason) {}

  /**
   * Activate a recovery plan for the incident, as the plan's copy knows it at this moment.
   *
   * @param mandatedRoles the roles the plan lets activate it (its mandate)
   * @param mandate the mandated role the caller holds, or null when the caller holds none: then the
   *     activation is refused, and the refusal recorded
   * @param callerRoles the caller's roles, for the record of a refusal
   * @param card the scenario card whose steps become recovery tasks, or null
   * @param taskIds one new task id per step of the card, in order
   */
  public record ActivatePlan(
      @TargetAggregateIdentifier String incidentId,
      String planId,
      int planVersion,
      String planName,
      List<String> mandatedRoles,
      String mandate,
      String callerRoles,
      CardSteps card,
      List<String> taskIds,
      String reason) {
    public ActivatePlan {
      mandatedRoles = List.copyOf(mandatedRoles);
      taskIds = List.copyOf(taskIds);
    }
  }

  /**
   * A scenario card of the plan: its id within the plan, what it is for, its steps' titles and the
   * role each step names (null where it names none: the recovery team's task).
   */
  public record CardSteps(
      String scenarioCardId,
      String scenario,
      String title,
      List<String> steps,
      List<String> roles) {
    public CardSteps {
      steps = List.copyOf(steps);
      roles =
          roles == null
              ? List.of()
              : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(roles));
    }

    /** A card whose steps name no role. */
    public CardSteps(String scenarioCardId, String scenario, String title, List<String> steps) {
      this(scenarioCardId, scenario, title, steps, List.of());
    }

    /** Who does step {@code i}: the role it names, or the recovery team. */
    public String assigneeRole(int i) {
      String role = i < roles.size() ? roles.get(i) : null;
      return role == null || role.isBlank() ? Roles.RECOVERY_TEAM : role;
    }
  }

  /** What an activation answered: refused when the caller holds none of the mandated roles. */
  public record ActivationAnswer(boolean refused, List<String> taskIds) {}

  /**
   * Add a recovery task that no scenario card foresaw.
   *
   * @param assigneeRole the team role that should pick it up, or null
   * @param assignee the person it is given to, or null
   */
  public record AddRecoveryTask(
      @TargetAggregateIdentifier String incidentId,
      String taskId,
      String title,
      String assigneeRole,
      String assignee) {}

  /** Give a recovery task to a person (or a team). */
  public record AssignRecoveryTask(
      @TargetAggregateIdentifier String incidentId, String taskId, String assignee) {}

  /** Move a recovery task to another status, with a note. */
  public record ChangeRecoveryTaskStatus(
      @TargetAggregateIdentifier String incidentId,
      String taskId,
      RecoveryTaskStatus status,
      String note) {}

  /**
   * Merges {@code otherIncidentId} into {@code incidentId}: handled by the command side's merge and
   * split component, which sends {@link MergeIntoIncident} and {@link AbsorbIncident} in one
   * transaction, so that both or neither are stored.
   */
  public record MergeIncidents(String incidentId, String otherIncidentId, String reason) {}

  /**
   * Splits {@code alerts} off {@code incidentId} into a new incident {@code newIncidentId}: handled
   * by the merge and split component, which sends {@link SplitIncident} and {@link
   * OpenSplitIncident} in one transaction. Answers the {@link IncidentParts} that moved.
   */
  public record SplitOffIncident(
      String incidentId, String newIncidentId, List<AlertKey> alerts, String reason) {
    public SplitOffIncident {
      alerts = List.copyOf(alerts);
    }
  }

  /**
   * The first half of a merge, sent to the incident that is absorbed: it records that it merged
   * into {@code intoIncidentId} and answers what it brings along. Sent with {@link AbsorbIncident}
   * by the handler of {@link MergeIncidents}, in one transaction.
   */
  public record MergeIntoIncident(
      @TargetAggregateIdentifier String incidentId, String intoIncidentId, String reason) {}

  /** The second half of a merge, sent to the surviving incident with what the other brings. */
  public record AbsorbIncident(
      @TargetAggregateIdentifier String incidentId,
      String absorbedIncidentId,
      IncidentParts parts,
      String reason) {}

  /**
   * The first half of a split, sent to the incident the alerts leave: it records their leaving and
   * answers what they bring to the new incident. Sent with {@link OpenSplitIncident} by the handler
   * of {@link SplitOffIncident}, in one transaction.
   */
  public record SplitIncident(
      @TargetAggregateIdentifier String incidentId,
      String newIncidentId,
      List<AlertKey> alerts,
      String reason) {
    public SplitIncident {
      alerts = List.copyOf(alerts);
    }
  }

  /** The second half of a split: opens the new incident with the alerts that left the other. */
  public record OpenSplitIncident(
      @TargetAggregateIdentifier String incidentId,
      String fromIncidentId,
      IncidentParts parts,
      String reason) {}

  /** An alert by its source and the source's id for it. */
  public record AlertKey(String source, String sourceId) {}

  /**
   * What moves between incidents in a merge or split: alerts, each with the assets and disrupted
   * processes it brought to its incident.
   *
   * @param disruptedAt when the disruption of what moves began
   */
  public record IncidentParts(Instant disruptedAt, List<AlertPart> alerts) {
    public IncidentParts {
      alerts = List.copyOf(alerts);
    }

    /** The assets the alerts brought, each once. */
    public List<AssetRef> assets() {
      return alerts.stream().flatMap(a -> a.assets().stream()).distinct().toList();
    }

    /** The names the BIA did not know, each once. */
    public List<String> unresolvedAssets() {
      return alerts.stream().flatMap(a -> a.unresolvedAssets().stream()).distinct().toList();
    }

    /** The disrupted processes the alerts brought, each once. */
    public List<AffectedProcess> affectedProcesses() {
      java.util.Map<String, AffectedProcess> distinct = new java.util.LinkedHashMap<>();
      alerts.forEach(
          a -> a.affectedProcesses().forEach(p -> distinct.putIfAbsent(p.processId(), p)));
      return List.copyOf(distinct.values());
    }
  }

  /**
   * One alert of an incident: its source ids, title, severity, when it was detected, and what it
   * brought to the incident first (assets, unknown names, disrupted processes with deadlines).
   */
  public record AlertPart(
      String source,
      String sourceId,
      String title,
      Severity severity,
      Instant detectedAt,
      List<AssetRef> assets,
      List<String> unresolvedAssets,
      List<AffectedProcess> affectedProcesses) {
    public AlertPart {
      assets = List.copyOf(assets);
      unresolvedAssets = List.copyOf(unresolvedAssets);
      affectedProcesses = List.copyOf(affectedProcesses);
    }
  }
}
