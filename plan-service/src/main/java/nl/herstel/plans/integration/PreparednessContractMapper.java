package nl.herstel.plans.integration;

import java.util.Optional;
import nl.herstel.contracts.IntegrationEvent;
import nl.herstel.contracts.plans.BackupPolicyRecorded;
import nl.herstel.contracts.plans.ExerciseCompleted;
import nl.herstel.contracts.plans.ReadinessChanged;
import nl.herstel.contracts.plans.RestoreTestRecorded;
import nl.herstel.contracts.plans.TrainingRecorded;
import nl.herstel.plans.api.PreparednessEvents;
import nl.herstel.platform.kafka.ContractMapper;
import org.axonframework.eventhandling.EventMessage;

/**
 * Which events of backups, restore tests, training, exercises and readiness leave the service
 * (topic herstel.plans.v1), and in which contract shape. Hashes of restored data travel only as
 * whether they matched.
 */
public class PreparednessContractMapper implements ContractMapper {

  @Override
  public Optional<IntegrationEvent> toContract(Object payload, EventMessage<?> message) {
    java.time.Instant at = message.getTimestamp();
    if (payload instanceof PreparednessEvents.ExerciseCompleted e) {
      return Optional.of(
          new ExerciseCompleted(
              e.exerciseId(),
              e.planId(),
              e.kind().name(),
              e.title(),
              e.scenarioCardId(),
              e.results().stream()
                  .map(
                      r ->
                          new ExerciseCompleted.Result(
                              r.processId(), r.achievedRecoveryTime(), r.findings()))
                  .toList(),
              at));
    }
    if (payload instanceof PreparednessEvents.RestoreTestRecorded e) {
      return Optional.of(
          new RestoreTestRecorded(
              e.testId(),
              e.assetId(),
              e.policyId(),
              e.startedAt(),
              e.restorePoint(),
              e.duration(),
              e.hashBefore() == null || e.hashAfter() == null
                  ? null
                  : e.hashBefore().equals(e.hashAfter()),
              e.result().name(),
              at));
    }
    if (payload instanceof PreparednessEvents.TrainingRecorded e) {
      return Optional.of(
          new TrainingRecorded(
              e.recordId(),
              e.person(),
              e.role(),
              e.planId(),
              e.topic(),
              e.trainedOn(),
              e.validUntil(),
              at));
    }
    if (payload instanceof PreparednessEvents.ReadinessChanged e) {
      return Optional.of(
          new ReadinessChanged(
              e.processId(),
              e.outcome(),
              e.failing().stream()
                  .map(f -> new ReadinessChanged.FailingCheck(f.check(), f.reason()))
                  .toList(),
              at));
    }
    // issue 13: backup policies as improvement targets
    if (payload instanceof PreparednessEvents.BackupPolicyRegistered e) {
      return Optional.of(
          new BackupPolicyRecorded(e.policyId(), e.settings().assetId(), e.settings().name(), at));
    }
    if (payload instanceof PreparednessEvents.BackupPolicyRevised e) {
      return Optional.of(
          new BackupPolicyRecorded(e.policyId(), e.settings().assetId(), e.settings().name(), at));
    }
    return Optional.empty();
  }
}
