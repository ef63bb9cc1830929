package nl.herstel.plans.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import nl.herstel.plans.api.PreparednessCommands.RecordTraining;
import nl.herstel.plans.api.PreparednessEvents.TrainingRecorded;
import nl.herstel.platform.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * That a person was trained for a role in the recovery, and until when the training counts ("flying
 * hours", DOMAIN.md step 3). Recorded once, never changed; a new training is a new record.
 */
public class TrainingRecord {
  @AggregateIdentifier private String recordId;

  protected TrainingRecord() {}

  @CommandHandler
  public TrainingRecord(RecordTraining c) {
    if (c.role() == null || c.role().isBlank()) {
      throw new RuleViolation("role", "A training record names the role trained for");
    }
    if (c.validUntil().isBefore(c.trainedOn())) {
      throw new RuleViolation("validUntil", "Valid until lies before the training date");
    }
    apply(
        new TrainingRecorded(
            c.recordId(),
            c.person().strip(),
            c.role().strip(),
            c.planId(),
            c.topic().strip(),
            c.trainedOn(),
            c.validUntil()));
  }

  @EventSourcingHandler
  void on(TrainingRecorded event) {
    recordId = event.recordId();
  }
}
