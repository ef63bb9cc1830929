package nl.herstel.plans.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import nl.herstel.plans.api.PreparednessCommands.RecordRestoreTest;
import nl.herstel.plans.api.PreparednessEvents.RestoreTestRecorded;
import nl.herstel.platform.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A restore test (DOMAIN.md, step 3): whether data came back to the wanted moment (RPO), intact
 * (integrity, a hash before and after) and how fast (RTO). Evidence that outlives the policy it
 * tested, so its own aggregate; it is recorded once and never changed.
 */
public class RestoreTest {
  @AggregateIdentifier private String testId;

  protected RestoreTest() {}

  @CommandHandler
  public RestoreTest(RecordRestoreTest c) {
    Instant now = Instant.now();
    if (c.restorePoint().isAfter(now)) {
      throw new RuleViolation("restorePoint", "A restore point cannot lie in the future");
    }
    if (c.startedAt().isAfter(now)) {
      throw new RuleViolation("startedAt", "A restore test cannot start in the future");
    }
    if (c.restorePoint().isAfter(c.startedAt())) {
      throw new RuleViolation("restorePoint", "The restore point lies after the test started");
    }
    if (c.duration().isNegative()) {
      throw new RuleViolation("duration", "A duration is not negative");
    }
    apply(
        new RestoreTestRecorded(
            c.testId(),
            c.assetId(),
            c.policyId(),
            c.startedAt(),
            c.restorePoint(),
            c.duration(),
            c.hashBefore(),
            c.hashAfter(),
            c.result(),
            c.notes()));
  }

  @EventSourcingHandler
  void on(RestoreTestRecorded event) {
    testId = event.testId();
  }
}
