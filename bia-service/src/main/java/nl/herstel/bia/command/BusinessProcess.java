package nl.herstel.bia.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import nl.herstel.bia.api.BiaCommands.AddProcessDependency;
import nl.herstel.bia.api.BiaCommands.RegisterProcess;
import nl.herstel.bia.api.BiaEvents.ProcessDependencyAdded;
import nl.herstel.bia.api.BiaEvents.ProcessRegistered;
import nl.herstel.contracts.bia.NodeKind;
import nl.herstel.platform.domain.Conflict;
import nl.herstel.platform.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A product, service or business process in the BIA, with its recovery targets: MTPD (after how
 * long an outage becomes critical), RTO (how long recovery to an acceptable level may take) and RPO
 * (how much data loss is acceptable); see DOMAIN.md, step 1.
 */
public class BusinessProcess {
  @AggregateIdentifier private String processId;
  private final Set<String> dependencies = new HashSet<>();

  protected BusinessProcess() {}

  @CommandHandler
  public BusinessProcess(RegisterProcess command) {
    RecoveryTargets.check(command.mtpd(), command.rto(), command.rpo());
    apply(
        new ProcessRegistered(
            command.processId(),
            command.name(),
            command.description(),
            command.critical(),
            command.crownJewel(),
            command.owner(),
            command.mtpd(),
            command.rto(),
            command.rpo()));
    for (String assetId : command.supportedBy()) {
      apply(
          new ProcessDependencyAdded(
              command.processId(), UUID.randomUUID().toString(), assetId, NodeKind.ASSET));
    }
  }

  @CommandHandler
  public void handle(AddProcessDependency command) {
    if (command.toId().equals(processId)) {
      throw new RuleViolation("toId", "A process cannot depend on itself");
    }
    if (dependencies.contains(command.toId())) {
      throw new Conflict("Process " + processId + " already depends on " + command.toId());
    }
    apply(
        new ProcessDependencyAdded(
            processId, command.dependencyId(), command.toId(), command.toKind()));
  }

  @EventSourcingHandler
  void on(ProcessRegistered event) {
    processId = event.processId();
  }

  @EventSourcingHandler
  void on(ProcessDependencyAdded event) {
    dependencies.add(event.toId());
  }

  /** The rules every set of recovery targets obeys. */
  static final class RecoveryTargets {
    private RecoveryTargets() {}

    static void check(Duration mtpd, Duration rto, Duration rpo) {
      if (mtpd == null || mtpd.isNegative() || mtpd.isZero()) {
        throw new RuleViolation("mtpd", "MTPD must be a positive duration");
      }
      if (rto == null || rto.isNegative() || rto.isZero()) {
        throw new RuleViolation("rto", "RTO must be a positive duration");
      }
      if (rto.compareTo(mtpd) > 0) {
        throw new RuleViolation(
            "rto",
            "RTO ("
                + rto
                + ") must not exceed MTPD ("
                + mtpd
                + "): recovery would outlast"
                + " the maximum tolerable disruption");
      }
      if (rpo != null && rpo.isNegative()) {
        throw new RuleViolation("rpo", "RPO must not be negative");
      }
    }
  }
}
