package nl.herstel.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
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
import nl.herstel.contracts.incidents.IncidentClosed;
import nl.herstel.contracts.incidents.IncidentOpened;
import nl.herstel.contracts.lessons.BiaRevisionProposed;
import nl.herstel.contracts.lessons.ExerciseRequested;
import nl.herstel.contracts.lessons.PlanRevisionRequested;
import nl.herstel.contracts.lessons.TargetRevisionProposed;
import nl.herstel.contracts.plans.PlanPublished;
import nl.herstel.contracts.plans.PlanRetired;
import nl.herstel.contracts.plans.PlanReviewDue;
import nl.herstel.contracts.plans.PlanRevised;
import org.junit.jupiter.api.Test;

class EventTypesTest {

  @Test
  void registersExactlyThePublishedTypes() {
    assertThat(EventTypes.all())
        .extracting(EventType::type, EventType::recordClass, EventType::topic)
        .containsExactlyInAnyOrder(
            tuple("nl.herstel.bia.process-registered.v1", ProcessRegistered.class, Topic.BIA),
            tuple("nl.herstel.bia.asset-registered.v1", AssetRegistered.class, Topic.BIA),
            tuple("nl.herstel.bia.dependency-added.v1", DependencyAdded.class, Topic.BIA),
            tuple("nl.herstel.bia.recovery-targets-set.v1", RecoveryTargetsSet.class, Topic.BIA),
            tuple("nl.herstel.bia.dependency-removed.v1", DependencyRemoved.class, Topic.BIA),
            tuple("nl.herstel.bia.process-retired.v1", ProcessRetired.class, Topic.BIA),
            tuple("nl.herstel.bia.asset-retired.v1", AssetRetired.class, Topic.BIA),
            tuple("nl.herstel.bia.process-changed.v1", ProcessChanged.class, Topic.BIA),
            tuple("nl.herstel.bia.asset-changed.v1", AssetChanged.class, Topic.BIA),
            tuple("nl.herstel.bia.revision-proposed.v1", RevisionProposed.class, Topic.BIA),
            tuple("nl.herstel.bia.revision-decided.v1", RevisionDecided.class, Topic.BIA),
            tuple(
                "nl.herstel.bia.asset-identifier-added.v1", AssetIdentifierAdded.class, Topic.BIA),
            tuple(
                "nl.herstel.bia.asset-identifier-removed.v1",
                AssetIdentifierRemoved.class,
                Topic.BIA),
            tuple(
                "nl.herstel.incidents.asset-hint-mapped.v1",
                AssetHintMapped.class,
                Topic.INCIDENTS),
            tuple("nl.herstel.bia.threat-registered.v1", ThreatRegistered.class, Topic.BIA),
            tuple(
                "nl.herstel.bia.threat-likelihood-changed.v1",
                ThreatLikelihoodChanged.class,
                Topic.BIA),
            tuple("nl.herstel.bia.threat-impact-rated.v1", ThreatImpactRated.class, Topic.BIA),
            tuple("nl.herstel.plans.plan-published.v1", PlanPublished.class, Topic.PLANS),
            tuple("nl.herstel.plans.plan-revised.v1", PlanRevised.class, Topic.PLANS),
            tuple("nl.herstel.plans.plan-retired.v1", PlanRetired.class, Topic.PLANS),
            tuple("nl.herstel.plans.plan-review-due.v1", PlanReviewDue.class, Topic.PLANS),
            tuple(
                "nl.herstel.plans.exercise-completed.v1",
                nl.herstel.contracts.plans.ExerciseCompleted.class,
                Topic.PLANS),
            tuple(
                "nl.herstel.plans.restore-test-recorded.v1",
                nl.herstel.contracts.plans.RestoreTestRecorded.class,
                Topic.PLANS),
            tuple(
                "nl.herstel.plans.training-recorded.v1",
                nl.herstel.contracts.plans.TrainingRecorded.class,
                Topic.PLANS),
            tuple(
                "nl.herstel.plans.readiness-changed.v1",
                nl.herstel.contracts.plans.ReadinessChanged.class,
                Topic.PLANS),
            tuple("nl.herstel.incidents.incident-opened.v1", IncidentOpened.class, Topic.INCIDENTS),
            tuple("nl.herstel.incidents.incident-closed.v1", IncidentClosed.class, Topic.INCIDENTS),
            // issue 13: incident story
            tuple(
                "nl.herstel.incidents.incident-classified.v1",
                nl.herstel.contracts.incidents.IncidentClassified.class,
                Topic.INCIDENTS),
            tuple(
                "nl.herstel.incidents.plan-activated.v1",
                nl.herstel.contracts.incidents.PlanActivated.class,
                Topic.INCIDENTS),
            tuple(
                "nl.herstel.incidents.incident-transitioned.v1",
                nl.herstel.contracts.incidents.IncidentTransitioned.class,
                Topic.INCIDENTS),
            tuple(
                "nl.herstel.incidents.recovery-deadline-breached.v1",
                nl.herstel.contracts.incidents.RecoveryDeadlineBreached.class,
                Topic.INCIDENTS),
            tuple(
                "nl.herstel.incidents.notification-obligation-registered.v1",
                nl.herstel.contracts.incidents.NotificationObligationRegistered.class,
                Topic.INCIDENTS),
            tuple(
                "nl.herstel.incidents.notification-submitted.v1",
                nl.herstel.contracts.incidents.NotificationSubmitted.class,
                Topic.INCIDENTS),
            tuple(
                "nl.herstel.incidents.notification-overdue.v1",
                nl.herstel.contracts.incidents.NotificationOverdue.class,
                Topic.INCIDENTS),
            tuple(
                "nl.herstel.incidents.process-restored.v1",
                nl.herstel.contracts.incidents.ProcessRestored.class,
                Topic.INCIDENTS),
            tuple(
                "nl.herstel.incidents.cost-recorded.v1",
                nl.herstel.contracts.incidents.CostRecorded.class,
                Topic.INCIDENTS),
            tuple(
                "nl.herstel.incidents.recovery-task-created.v1",
                nl.herstel.contracts.incidents.RecoveryTaskCreated.class,
                Topic.INCIDENTS),
            tuple(
                "nl.herstel.incidents.recovery-task-status-changed.v1",
                nl.herstel.contracts.incidents.RecoveryTaskStatusChanged.class,
                Topic.INCIDENTS),
            tuple(
                "nl.herstel.incidents.decision-recorded.v1",
                nl.herstel.contracts.incidents.DecisionRecorded.class,
                Topic.INCIDENTS),
            tuple(
                "nl.herstel.incidents.incident-merged.v1",
                nl.herstel.contracts.incidents.IncidentMerged.class,
                Topic.INCIDENTS),
            tuple(
                "nl.herstel.incidents.incident-extended.v1",
                nl.herstel.contracts.incidents.IncidentExtended.class,
                Topic.INCIDENTS),
            tuple(
                "nl.herstel.lessons.target-revision-proposed.v1",
                TargetRevisionProposed.class,
                Topic.LESSONS),
            // issue 13: backup policies as improvement targets
            tuple(
                "nl.herstel.plans.backup-policy-recorded.v1",
                nl.herstel.contracts.plans.BackupPolicyRecorded.class,
                Topic.PLANS),
            // issue 13: improvement actions
            tuple(
                "nl.herstel.lessons.improvement-action-recorded.v1",
                nl.herstel.contracts.lessons.ImprovementActionRecorded.class,
                Topic.LESSONS),
            tuple(
                "nl.herstel.lessons.improvement-action-changed.v1",
                nl.herstel.contracts.lessons.ImprovementActionChanged.class,
                Topic.LESSONS),
            // issue 13: the loop back
            tuple(
                "nl.herstel.lessons.bia-revision-proposed.v1",
                BiaRevisionProposed.class,
                Topic.LESSONS),
            tuple(
                "nl.herstel.lessons.plan-revision-requested.v1",
                PlanRevisionRequested.class,
                Topic.LESSONS),
            tuple(
                "nl.herstel.lessons.exercise-requested.v1", ExerciseRequested.class, Topic.LESSONS),
            // --- h-a ---
            tuple(
                "nl.herstel.lessons.threat-likelihood-proposed.v1",
                nl.herstel.contracts.lessons.ThreatLikelihoodProposed.class,
                Topic.LESSONS));
  }

  @Test
  void typesRecordClassesAndSchemasAreUnique() {
    List<EventType> all = EventTypes.all();
    assertThat(all).hasSize(Published.TYPES);
    assertThat(all).extracting(EventType::type).doesNotHaveDuplicates();
    assertThat(all).extracting(EventType::recordClass).doesNotHaveDuplicates();
    assertThat(all).extracting(EventType::schemaPath).doesNotHaveDuplicates();
  }

  @Test
  void everySchemaPathIsAClasspathResourceNamedAfterItsType() {
    assertThat(EventTypes.all()).hasSize(Published.TYPES);
    for (EventType t : EventTypes.all()) {
      assertThat(t.schemaPath()).isEqualTo("schemas/" + t.type() + ".json");
      assertThat(EventTypes.class.getClassLoader().getResource(t.schemaPath()))
          .as(t.schemaPath())
          .isNotNull();
    }
  }

  @Test
  void typeNamesFollowTheConvention() {
    assertThat(EventTypes.all())
        .hasSize(Published.TYPES)
        .allSatisfy(t -> assertThat(t.type()).matches("nl\\.herstel\\.[a-z]+\\.[a-z-]+\\.v\\d+"));
  }

  @Test
  void byTypeFindsEveryRegisteredType() {
    assertThat(EventTypes.all()).hasSize(Published.TYPES);
    for (EventType t : EventTypes.all()) {
      assertThat(EventTypes.byType(t.type())).contains(t);
    }
  }

  @Test
  void byTypeIsEmptyForUnknownOrMissingType() {
    assertThat(EventTypes.byType("nl.herstel.bia.process-registered.v99")).isEmpty();
    assertThat(EventTypes.byType(null)).isEmpty();
  }

  @Test
  void ofFindsEveryRecordClass() {
    assertThat(EventTypes.all()).hasSize(Published.TYPES);
    for (EventType t : EventTypes.all()) {
      assertThat(EventTypes.of(t.recordClass())).isEqualTo(t);
    }
  }

  @Test
  void ofRejectsAnUnpublishedClass() {
    record Unpublished(String subject, Instant occurredAt) implements IntegrationEvent {}

    assertThatThrownBy(() -> EventTypes.of(Unpublished.class))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onPartitionsTheTypesByTopic() {
    assertThat(EventTypes.on(Topic.BIA)).hasSize(16);
    assertThat(EventTypes.on(Topic.PLANS)).hasSize(9);
    assertThat(EventTypes.on(Topic.INCIDENTS)).hasSize(17);
    // --- h-a --- threat-likelihood-proposed
    assertThat(EventTypes.on(Topic.LESSONS)).hasSize(7);
    assertThat(
            Arrays.stream(Topic.values()).flatMap(topic -> EventTypes.on(topic).stream()).toList())
        .containsExactlyInAnyOrderElementsOf(EventTypes.all());
  }

  @Test
  void topicNamesAreVersionedAndConfigurable() {
    assertThat(Topic.BIA.configKey()).isEqualTo("herstel.topics.bia");
    assertThat(Topic.BIA.defaultName()).isEqualTo("herstel.bia.v1");
    assertThat(Topic.values())
        .hasSize(4)
        .allSatisfy(
            topic -> {
              assertThat(topic.configKey()).startsWith("herstel.topics.");
              assertThat(topic.defaultName()).matches("herstel\\.[a-z]+\\.v\\d+");
            });
  }
}
