package nl.herstel.plans.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import nl.herstel.plans.api.PreparednessCommands.RecordReadiness;
import nl.herstel.plans.api.PreparednessEvents.FailingCheck;
import nl.herstel.plans.api.PreparednessEvents.ReadinessChanged;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * The readiness last announced for a business process: a change of its outcome or of the set of
 * failing checks is an event (ReadinessChanged), the same readiness asked again is nothing. The
 * reasons travel with the change but do not make one (they name moments that move).
 */
public class ReadinessRecord {
  @AggregateIdentifier private String processId;
  private String outcome;
  private List<String> failing = List.of();

  public ReadinessRecord() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public void handle(RecordReadiness c) {
    List<String> checks = c.failing().stream().map(FailingCheck::check).sorted().toList();
    if (c.outcome().equals(outcome) && checks.equals(failing)) {
      return;
    }
    apply(new ReadinessChanged(c.processId(), c.outcome(), c.failing()));
  }

  @EventSourcingHandler
  void on(ReadinessChanged e) {
    processId = e.processId();
    outcome = e.outcome();
    failing = e.failing().stream().map(FailingCheck::check).sorted().toList();
  }
}
