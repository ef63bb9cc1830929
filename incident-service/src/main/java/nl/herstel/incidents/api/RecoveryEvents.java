package nl.herstel.incidents.api;

import java.util.List;
import nl.herstel.incidents.api.RecoveryCommands.IncidentParts;
import org.axonframework.serialization.Revision;

/** The events of running the recovery of an incident; who did it is in the metadata. */
public final class RecoveryEvents {
  private RecoveryEvents() {}

  /** The incident was given a category (again); {@code previous} is null the first time. */
  @Revision("1")
  public record IncidentClassified(
      String incidentId, IncidentCategory category, IncidentCategory previous, String reason) {}

  /**
   * A recovery plan was activated under a mandate the plan grants; the incident becomes
   * PLAN_ACTIVATED (an {@link IncidentEvents.IncidentTransitioned} follows).
   *
   * @param scenarioCardId the card whose steps became recovery tasks, or null
   * @param mandate the role under which the plan was activated
   */
  @Revision("1")
  public record PlanActivated(
      String incidentId,
      String planId,
      int planVersion,
      String planName,
      String scenarioCardId,
      String scenarioTitle,
      String mandate,
      List<String> mandatedRoles,
      String reason) {}

  /**
   * Someone without the plan's mandate tried to activate it: recorded, because who tried to invoke
   * a recovery plan matters to the evaluation, and the plan stays inactive.
   */
  @Revision("1")
  public record PlanActivationRefused(
      String incidentId,
      String planId,
      int planVersion,
      List<String> mandatedRoles,
      String callerRoles,
      String reason) {}

  /**
   * A recovery task was created: from step {@code stepNo} of a scenario card, or ad hoc (stepNo,
   * planId and scenarioCardId null).
   */
  @Revision("1")
  public record RecoveryTaskCreated(
      String incidentId,
      String taskId,
      Integer stepNo,
      String title,
      String assigneeRole,
      String assignee,
      String planId,
      String scenarioCardId) {}

  /** A recovery task was given to someone. */
  @Revision("1")
  public record RecoveryTaskAssigned(
      String incidentId, String taskId, String assignee, String previous) {}

  /** A recovery task changed status, with a note. */
  @Revision("1")
  public record RecoveryTaskStatusChanged(
      String incidentId,
      String taskId,
      RecoveryTaskStatus from,
      RecoveryTaskStatus to,
      String note) {}

  /**
   * This incident was merged into another: its alerts, assets and disrupted processes live on
   * there; it takes nothing more and its state is MERGED.
   */
  @Revision("1")
  public record IncidentMergedInto(
      String incidentId, String intoIncidentId, IncidentStatus from, String reason) {}

  /**
   * This incident absorbed another: the parts are what is new to it (alerts, assets, processes with
   * their deadlines).
   */
  @Revision("1")
  public record IncidentAbsorbed(
      String incidentId, String absorbedIncidentId, IncidentParts parts, String reason) {}

  /** Alerts left this incident for a new one; the parts are what the new incident took. */
  @Revision("1")
  public record IncidentSplit(
      String incidentId, String newIncidentId, IncidentParts parts, String reason) {}

  /**
   * An incident was opened by splitting alerts off another. Its first alert names it in the read
   * model; its lifecycle starts at REPORTED.
   */
  @Revision("1")
  public record IncidentSplitOff(
      String incidentId, String fromIncidentId, IncidentParts parts, String reason) {}
}
