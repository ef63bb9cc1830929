package nl.herstel.contracts;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.herstel.contracts.bia.AssetChanged;
import nl.herstel.contracts.bia.AssetIdentifierAdded;
import nl.herstel.contracts.bia.AssetIdentifierRemoved;
import nl.herstel.contracts.bia.AssetRegistered;
import nl.herstel.contracts.bia.AssetRetired;
import nl.herstel.contracts.bia.DependencyAdded;
import nl.herstel.contracts.bia.DependencyRemoved;
import nl.herstel.contracts.bia.ProcessChanged;
import nl.herstel.contracts.bia.ProcessRegistered;
import nl.herstel.contracts.bia.ProcessRetired;
import nl.herstel.contracts.bia.RecoveryTargetsSet;
import nl.herstel.contracts.bia.RevisionDecided;
import nl.herstel.contracts.bia.RevisionProposed;
import nl.herstel.contracts.bia.ThreatImpactRated;
import nl.herstel.contracts.bia.ThreatLikelihoodChanged;
import nl.herstel.contracts.bia.ThreatRegistered;
import nl.herstel.contracts.incidents.AssetHintMapped;
import nl.herstel.contracts.incidents.CostRecorded;
import nl.herstel.contracts.incidents.DecisionRecorded;
import nl.herstel.contracts.incidents.IncidentClassified;
import nl.herstel.contracts.incidents.IncidentClosed;
import nl.herstel.contracts.incidents.IncidentExtended;
import nl.herstel.contracts.incidents.IncidentMerged;
import nl.herstel.contracts.incidents.IncidentOpened;
import nl.herstel.contracts.incidents.IncidentTransitioned;
import nl.herstel.contracts.incidents.NotificationObligationRegistered;
import nl.herstel.contracts.incidents.NotificationOverdue;
import nl.herstel.contracts.incidents.NotificationSubmitted;
import nl.herstel.contracts.incidents.PlanActivated;
import nl.herstel.contracts.incidents.ProcessRestored;
import nl.herstel.contracts.incidents.RecoveryDeadlineBreached;
import nl.herstel.contracts.incidents.RecoveryTaskCreated;
import nl.herstel.contracts.incidents.RecoveryTaskStatusChanged;
import nl.herstel.contracts.lessons.BiaRevisionProposed;
import nl.herstel.contracts.lessons.ExerciseRequested;
import nl.herstel.contracts.lessons.ImprovementActionChanged;
import nl.herstel.contracts.lessons.ImprovementActionRecorded;
import nl.herstel.contracts.lessons.PlanRevisionRequested;
import nl.herstel.contracts.lessons.TargetRevisionProposed;
import nl.herstel.contracts.lessons.ThreatLikelihoodProposed;
import nl.herstel.contracts.plans.BackupPolicyRecorded;
import nl.herstel.contracts.plans.ExerciseCompleted;
import nl.herstel.contracts.plans.PlanPublished;
import nl.herstel.contracts.plans.PlanRetired;
import nl.herstel.contracts.plans.PlanReviewDue;
import nl.herstel.contracts.plans.PlanRevised;
import nl.herstel.contracts.plans.ReadinessChanged;
import nl.herstel.contracts.plans.RestoreTestRecorded;
import nl.herstel.contracts.plans.TrainingRecorded;

/**
 * The register of every published integration event: the single place where a record is tied to its
 * CloudEvents type, its topic and its JSON Schema. Producers look up the type to put in {@code
 * ce_type}; consumers look up the record to read a payload as.
 */
public final class EventTypes {

  private static final List<EventType> ALL =
      List.of(
          event("nl.herstel.bia.process-registered.v1", ProcessRegistered.class, Topic.BIA),
          event("nl.herstel.bia.asset-registered.v1", AssetRegistered.class, Topic.BIA),
          event("nl.herstel.bia.dependency-added.v1", DependencyAdded.class, Topic.BIA),
          event("nl.herstel.bia.recovery-targets-set.v1", RecoveryTargetsSet.class, Topic.BIA),
          event("nl.herstel.bia.dependency-removed.v1", DependencyRemoved.class, Topic.BIA),
          event("nl.herstel.bia.process-retired.v1", ProcessRetired.class, Topic.BIA),
          event("nl.herstel.bia.asset-retired.v1", AssetRetired.class, Topic.BIA),
          event("nl.herstel.bia.process-changed.v1", ProcessChanged.class, Topic.BIA),
          event("nl.herstel.bia.asset-changed.v1", AssetChanged.class, Topic.BIA),
          event("nl.herstel.bia.revision-proposed.v1", RevisionProposed.class, Topic.BIA),
          event("nl.herstel.bia.revision-decided.v1", RevisionDecided.class, Topic.BIA),
          event("nl.herstel.bia.asset-identifier-added.v1", AssetIdentifierAdded.class, Topic.BIA),
          event(
              "nl.herstel.bia.asset-identifier-removed.v1",
              AssetIdentifierRemoved.class,
              Topic.BIA),
          event("nl.herstel.bia.threat-registered.v1", ThreatRegistered.class, Topic.BIA),
          event(
              "nl.herstel.bia.threat-likelihood-changed.v1",
              ThreatLikelihoodChanged.class,
              Topic.BIA),
          event("nl.herstel.bia.threat-impact-rated.v1", ThreatImpactRated.class, Topic.BIA),
          event("nl.herstel.plans.plan-published.v1", PlanPublished.class, Topic.PLANS),
          event("nl.herstel.plans.plan-revised.v1", PlanRevised.class, Topic.PLANS),
          event("nl.herstel.plans.plan-retired.v1", PlanRetired.class, Topic.PLANS),
          event("nl.herstel.plans.plan-review-due.v1", PlanReviewDue.class, Topic.PLANS),
          event("nl.herstel.plans.exercise-completed.v1", ExerciseCompleted.class, Topic.PLANS),
          event(
              "nl.herstel.plans.restore-test-recorded.v1", RestoreTestRecorded.class, Topic.PLANS),
          event("nl.herstel.plans.training-recorded.v1", TrainingRecorded.class, Topic.PLANS),
          event("nl.herstel.plans.readiness-changed.v1", ReadinessChanged.class, Topic.PLANS),
          // issue 13: backup policies as improvement targets
          event(
              "nl.herstel.plans.backup-policy-recorded.v1",
              BackupPolicyRecorded.class,
              Topic.PLANS),
          event("nl.herstel.incidents.incident-opened.v1", IncidentOpened.class, Topic.INCIDENTS),
          event("nl.herstel.incidents.incident-closed.v1", IncidentClosed.class, Topic.INCIDENTS),
          event(
              "nl.herstel.incidents.asset-hint-mapped.v1", AssetHintMapped.class, Topic.INCIDENTS),
          // issue 13: incident story
          event(
              "nl.herstel.incidents.incident-classified.v1",
              IncidentClassified.class,
              Topic.INCIDENTS),
          event("nl.herstel.incidents.plan-activated.v1", PlanActivated.class, Topic.INCIDENTS),
          event(
              "nl.herstel.incidents.incident-transitioned.v1",
              IncidentTransitioned.class,
              Topic.INCIDENTS),
          event(
              "nl.herstel.incidents.recovery-deadline-breached.v1",
              RecoveryDeadlineBreached.class,
              Topic.INCIDENTS),
          event(
              "nl.herstel.incidents.notification-obligation-registered.v1",
              NotificationObligationRegistered.class,
              Topic.INCIDENTS),
          event(
              "nl.herstel.incidents.notification-submitted.v1",
              NotificationSubmitted.class,
              Topic.INCIDENTS),
          event(
              "nl.herstel.incidents.notification-overdue.v1",
              NotificationOverdue.class,
              Topic.INCIDENTS),
          event("nl.herstel.incidents.process-restored.v1", ProcessRestored.class, Topic.INCIDENTS),
          event("nl.herstel.incidents.cost-recorded.v1", CostRecorded.class, Topic.INCIDENTS),
          event(
              "nl.herstel.incidents.recovery-task-created.v1",
              RecoveryTaskCreated.class,
              Topic.INCIDENTS),
          event(
              "nl.herstel.incidents.recovery-task-status-changed.v1",
              RecoveryTaskStatusChanged.class,
              Topic.INCIDENTS),
          event(
              "nl.herstel.incidents.decision-recorded.v1", DecisionRecorded.class, Topic.INCIDENTS),
          event("nl.herstel.incidents.incident-merged.v1", IncidentMerged.class, Topic.INCIDENTS),
          event(
              "nl.herstel.incidents.incident-extended.v1", IncidentExtended.class, Topic.INCIDENTS),
          event(
              "nl.herstel.lessons.target-revision-proposed.v1",
              TargetRevisionProposed.class,
              Topic.LESSONS),
          // issue 13: improvement actions
          event(
              "nl.herstel.lessons.improvement-action-recorded.v1",
              ImprovementActionRecorded.class,
              Topic.LESSONS),
          event(
              "nl.herstel.lessons.improvement-action-changed.v1",
              ImprovementActionChanged.class,
              Topic.LESSONS),
          // issue 13: the loop back
          event(
              "nl.herstel.lessons.bia-revision-proposed.v1",
              BiaRevisionProposed.class,
              Topic.LESSONS),
          event(
              "nl.herstel.lessons.plan-revision-requested.v1",
              PlanRevisionRequested.class,
              Topic.LESSONS),
          event("nl.herstel.lessons.exercise-requested.v1", ExerciseRequested.class, Topic.LESSONS),
          // --- h-a ---
          event(
              "nl.herstel.lessons.threat-likelihood-proposed.v1",
              ThreatLikelihoodProposed.class,
              Topic.LESSONS));

  private static final Map<String, EventType> BY_TYPE =
      ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));

  private static final Map<Class<? extends IntegrationEvent>, EventType> BY_CLASS =
      ALL.stream()
          .collect(Collectors.toUnmodifiableMap(EventType::recordClass, Function.identity()));

  private EventTypes() {}

  private static EventType event(
      String type, Class<? extends IntegrationEvent> recordClass, Topic topic) {
    return new EventType(type, recordClass, topic, "schemas/" + type + ".json");
  }

  /**
   * The event type of a record class.
   *
   * @throws IllegalArgumentException if the class is not a published integration event
   */
  public static EventType of(Class<? extends IntegrationEvent> recordClass) {
    Objects.requireNonNull(recordClass, "recordClass");
    EventType eventType = BY_CLASS.get(recordClass);
    if (eventType == null) {
      throw new IllegalArgumentException(
          "not a published integration event: " + recordClass.getName());
    }
    return eventType;
  }

  /** The event type with the given CloudEvents {@code ce_type}, if it is published. */
  public static Optional<EventType> byType(String ceType) {
    return Optional.ofNullable(ceType).map(BY_TYPE::get);
  }

  /** Every published event type. */
  public static List<EventType> all() {
    return ALL;
  }

  /** The event types published on a topic. */
  public static List<EventType> on(Topic topic) {
    Objects.requireNonNull(topic, "topic");
    return ALL.stream().filter(t -> t.topic() == topic).toList();
  }
}
