package nl.herstel.bia.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.herstel.bia.api.BiaCommands.AddProcessDependency;
import nl.herstel.bia.api.BiaCommands.ApplyTargetRevision;
import nl.herstel.bia.api.BiaCommands.AssessImpacts;
import nl.herstel.bia.api.BiaCommands.ChangeProcessDetails;
import nl.herstel.bia.api.BiaCommands.RegisterProcess;
import nl.herstel.bia.api.BiaCommands.RemoveProcessDependency;
import nl.herstel.bia.api.BiaCommands.RetireProcess;
import nl.herstel.bia.api.BiaCommands.ReviewProcess;
import nl.herstel.bia.api.BiaCommands.SetRecoveryTargets;
import nl.herstel.bia.api.BiaEvents.ImpactsAssessed;
import nl.herstel.bia.api.BiaEvents.ProcessDependencyAdded;
import nl.herstel.bia.api.BiaEvents.ProcessDependencyRemoved;
import nl.herstel.bia.api.BiaEvents.ProcessDetailsChanged;
import nl.herstel.bia.api.BiaEvents.ProcessRegistered;
import nl.herstel.bia.api.BiaEvents.ProcessRetired;
import nl.herstel.bia.api.BiaEvents.ProcessReviewed;
import nl.herstel.bia.api.BiaEvents.RecoveryTargetsSet;
import nl.herstel.bia.api.ImpactRating;
import nl.herstel.contracts.bia.NodeKind;
import nl.herstel.contracts.bia.TargetSource;
import nl.herstel.platform.domain.Conflict;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;

/**
 * A product, service or business process in the BIA, with its recovery targets: MTPD (after how
 * long an outage becomes critical), RTO (how long recovery to an acceptable level may take) and RPO
 * (how much data loss is acceptable); see DOMAIN.md, step 1. Revision 2 (it keeps its RTO too, so
 * that a revision of the MTPD or RPO alone keeps it): snapshots of the earlier layout are ignored
 * and the process is rebuilt from its events.
 */
@Revision("2")
public class BusinessProcess {
  @AggregateIdentifier private String processId;
  private final Map<String, Dependency> dependencies = new LinkedHashMap<>();
  private Details details;
  private Duration mtpd;
  private Duration rto;
  private Duration rpo;
  private boolean retired;

  private record Dependency(String toId, NodeKind toKind) {}

  private record Details(
      String name, String description, boolean critical, boolean crownJewel, String owner) {}

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
              command.processId(), UUID.randomUUID().toString(), assetId, NodeKind.ASSET, null));
    }
  }

  @CommandHandler
  public void handle(AddProcessDependency command) {
    requireActive();
    if (command.toId().equals(processId)) {
      throw new RuleViolation("toId", "A process cannot depend on itself");
    }
    if (dependencies.values().stream().anyMatch(d -> d.toId().equals(command.toId()))) {
      throw new Conflict("Process " + processId + " already depends on " + command.toId());
    }
    apply(
        new ProcessDependencyAdded(
            processId,
            command.dependencyId(),
            command.toId(),
            command.toKind(),
            command.alternativeGroup()));
  }

  /**
   * Replaces the process's details; answers the process's version, unchanged when the details are
   * the same as they were.
   */
  @CommandHandler
  public long handle(ChangeProcessDetails command) {
    checkVersion(command.expectedVersion());
    requireActive();
    Details changed =
        new Details(
            command.name(),
            command.description(),
            command.critical(),
            command.crownJewel(),
            command.owner());
    if (!changed.equals(details)) {
      apply(
          new ProcessDetailsChanged(
              processId,
              command.name(),
              command.description(),
              command.critical(),
              command.crownJewel(),
              command.owner()));
    }
    return AggregateLifecycle.getVersion();
  }

  @CommandHandler
  public void handle(RemoveProcessDependency command) {
    Dependency dependency = dependencies.get(command.dependencyId());
    if (dependency == null) {
      throw new NotFound("Dependency", command.dependencyId());
    }
    apply(
        new ProcessDependencyRemoved(
            processId, command.dependencyId(), dependency.toId(), dependency.toKind()));
  }

  /** Sets the targets by hand; answers the process's new version. */
  @CommandHandler
  public long handle(SetRecoveryTargets command) {
    checkVersion(command.expectedVersion());
    requireActive();
    RecoveryTargets.check(command.mtpd(), command.rto(), command.rpo());
    apply(
        new RecoveryTargetsSet(
            processId,
            command.mtpd(),
            command.rto(),
            command.rpo(),
            TargetSource.MANUAL,
            null,
            command.reason()));
    return AggregateLifecycle.getVersion();
  }

  /** Applies an accepted revision; answers the process's new version. */
  @CommandHandler
  public long handle(ApplyTargetRevision command) {
    checkVersion(command.expectedVersion());
    requireActive();
    Duration newMtpd = command.mtpd() == null ? mtpd : command.mtpd();
    Duration newRto = command.proposedRto() == null ? rto : command.proposedRto();
    Duration newRpo = command.proposedRpo() == null ? rpo : command.proposedRpo();
    if (newRto.compareTo(newMtpd) > 0) {
      throw new RuleViolation(
          "mtpd",
          "The RTO ("
              + newRto
              + ") would exceed the MTPD ("
              + newMtpd
              + "); accept it with an mtpd of at least the RTO");
    }
    RecoveryTargets.check(newMtpd, newRto, newRpo);
    apply(
        new RecoveryTargetsSet(
            processId,
            newMtpd,
            newRto,
            newRpo,
            TargetSource.REVISION,
            command.revisionId(),
            command.reason()));
    return AggregateLifecycle.getVersion();
  }

  /** Replaces the impact assessment; answers the process's new version. */
  @CommandHandler
  public long handle(AssessImpacts command) {
    checkVersion(command.expectedVersion());
    requireActive();
    if (command.ratings().isEmpty()) {
      throw new RuleViolation("ratings", "Rate at least one category at one horizon");
    }
    Set<String> rated = new HashSet<>();
    for (int i = 0; i < command.ratings().size(); i++) {
      ImpactRating rating = command.ratings().get(i);
      if (rating.score() < 0 || rating.score() > 4) {
        throw new RuleViolation("ratings[" + i + "].score", "A score is 0 (none) to 4");
      }
      if (rating.horizon() == null || rating.horizon().isNegative() || rating.horizon().isZero()) {
        throw new RuleViolation("ratings[" + i + "].horizon", "A horizon is a positive duration");
      }
      if (!rated.add(rating.category() + "@" + rating.horizon())) {
        throw new RuleViolation(
            "ratings[" + i + "]",
            rating.category() + " at " + rating.horizon() + " is rated more than once");
      }
    }
    apply(new ImpactsAssessed(processId, command.ratings()));
    return AggregateLifecycle.getVersion();
  }

  /** Records a review; answers the process's new version. */
  @CommandHandler
  public long handle(ReviewProcess command) {
    checkVersion(command.expectedVersion());
    requireActive();
    if (!command.nextReviewDue().isAfter(command.reviewedOn())) {
      throw new RuleViolation("nextReviewDue", "The next review must be due after this one");
    }
    apply(
        new ProcessReviewed(
            processId, command.reviewedOn(), command.nextReviewDue(), command.notes()));
    return AggregateLifecycle.getVersion();
  }

  @CommandHandler
  public void handle(RetireProcess command) {
    checkVersion(command.expectedVersion());
    requireActive();
    apply(new ProcessRetired(processId, command.reason()));
  }

  private void checkVersion(Long expected) {
    Long actual = AggregateLifecycle.getVersion();
    if (expected != null && !expected.equals(actual)) {
      throw new Conflict(
          "Process "
              + processId
              + " is at version "
              + actual
              + ", not "
              + expected
              + "; reload it and try again");
    }
  }

  private void requireActive() {
    if (retired) {
      throw new Conflict("Process " + processId + " is retired");
    }
  }

  @EventSourcingHandler
  void on(ProcessRegistered event) {
    processId = event.processId();
    details =
        new Details(
            event.name(), event.description(), event.critical(), event.crownJewel(), event.owner());
    mtpd = event.mtpd();
    rto = event.rto();
    rpo = event.rpo();
  }

  @EventSourcingHandler
  void on(ProcessDetailsChanged event) {
    details =
        new Details(
            event.name(), event.description(), event.critical(), event.crownJewel(), event.owner());
  }

  @EventSourcingHandler
  void on(RecoveryTargetsSet event) {
    mtpd = event.mtpd();
    rto = event.rto();
    rpo = event.rpo();
  }

  @EventSourcingHandler
  void on(ProcessDependencyAdded event) {
    dependencies.put(event.dependencyId(), new Dependency(event.toId(), event.toKind()));
  }

  @EventSourcingHandler
  void on(ProcessDependencyRemoved event) {
    dependencies.remove(event.dependencyId());
  }

  @EventSourcingHandler
  void on(ProcessRetired event) {
    retired = true;
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
