package nl.herstel.bia.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import nl.herstel.bia.api.BiaCommands.DecideTargetRevision;
import nl.herstel.bia.api.BiaCommands.ProposeTargetRevision;
import nl.herstel.bia.api.BiaEvents.TargetRevisionDecided;
import nl.herstel.bia.api.BiaEvents.TargetRevisionProposed;
import nl.herstel.bia.api.RevisionKind;
import nl.herstel.platform.domain.Conflict;
import nl.herstel.platform.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A proposal to change one of a process's recovery targets (RTO, MTPD or RPO), from an incident's
 * lessons or by hand, or a threat's likelihood, from how often lessons saw its category occur; the
 * process owner (for a threat: the BCM manager) decides on it. This is where the improvement cycle
 * closes (DOMAIN.md, "Improve").
 */
public class TargetRevision {
  @AggregateIdentifier private String revisionId;
  private String processId;
  private RevisionKind kind;
  private Duration proposedRto;
  private Duration proposedMtpd;
  private Duration proposedRpo;
  private String proposalId;
  private String threatId;
  private Integer proposedLikelihood;
  private boolean decided;

  /**
   * What was proposed, as answered to the one who decides; the targets not revised are null. A
   * THREAT_LIKELIHOOD revision names the threat and its proposed likelihood instead of a process.
   */
  public record Proposal(
      String processId,
      RevisionKind kind,
      Duration proposedRto,
      Duration proposedMtpd,
      Duration proposedRpo,
      String threatId,
      Integer proposedLikelihood) {}

  protected TargetRevision() {}

  @CommandHandler
  public TargetRevision(ProposeTargetRevision command) {
    RevisionKind kind = command.kind() == null ? RevisionKind.RTO : command.kind();
    switch (kind) {
      case RTO -> {
        positive("proposedRto", command.proposedRto(), "The proposed RTO");
        if (command.proposedMtpd() != null
            && command.proposedRto().compareTo(command.proposedMtpd()) > 0) {
          throw new RuleViolation(
              "proposedRto", "The proposed RTO must not exceed the proposed MTPD");
        }
      }
      case MTPD -> positive("proposedMtpd", command.proposedMtpd(), "The proposed MTPD");
      case RPO -> positive("proposedRpo", command.proposedRpo(), "The proposed RPO");
      case THREAT_LIKELIHOOD -> {
        if (command.threatId() == null || command.threatId().isBlank()) {
          throw new RuleViolation("threatId", "A likelihood revision names its threat");
        }
        if (command.proposedLikelihood() == null
            || command.proposedLikelihood() < 1
            || command.proposedLikelihood() > 5) {
          throw new RuleViolation("proposedLikelihood", "The proposed likelihood is 1 to 5");
        }
      }
    }
    boolean threat = kind == RevisionKind.THREAT_LIKELIHOOD;
    apply(
        new TargetRevisionProposed(
            command.revisionId(),
            command.processId(),
            command.incidentId(),
            command.currentRto(),
            command.actualRecoveryTime(),
            kind == RevisionKind.RTO ? command.proposedRto() : null,
            command.rationale(),
            command.proposedBy(),
            kind == RevisionKind.RPO ? null : command.proposedMtpd(),
            kind,
            command.currentTarget(),
            kind == RevisionKind.RPO ? command.proposedRpo() : null,
            command.evidence(),
            command.proposalId(),
            threat ? command.threatId() : null,
            threat ? command.currentLikelihood() : null,
            threat ? command.proposedLikelihood() : null));
  }

  private static void positive(String field, Duration value, String name) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new RuleViolation(field, name + " must be a positive duration");
    }
  }

  /** Accepts or rejects the revision once; answers the proposal. */
  @CommandHandler
  public Proposal handle(DecideTargetRevision command) {
    if (decided) {
      throw new Conflict("Target revision " + revisionId + " has already been decided");
    }
    apply(
        new TargetRevisionDecided(
            revisionId, processId, command.accept(), command.reason(), proposalId, threatId));
    return new Proposal(
        processId, kind, proposedRto, proposedMtpd, proposedRpo, threatId, proposedLikelihood);
  }

  @EventSourcingHandler
  void on(TargetRevisionProposed event) {
    revisionId = event.revisionId();
    processId = event.processId();
    kind = event.kind();
    proposedRto = event.proposedRto();
    proposedMtpd = event.proposedMtpd();
    proposedRpo = event.proposedRpo();
    proposalId = event.proposalId();
    threatId = event.threatId();
    proposedLikelihood = event.proposedLikelihood();
  }

  @EventSourcingHandler
  void on(TargetRevisionDecided event) {
    decided = true;
  }
}
