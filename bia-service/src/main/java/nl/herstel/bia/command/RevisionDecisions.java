package nl.herstel.bia.command;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Consumer;
import nl.herstel.bia.api.BiaCommands.ApplyTargetRevision;
import nl.herstel.bia.api.BiaCommands.DecideTargetRevision;
import nl.herstel.bia.api.BiaCommands.RateThreatLikelihood;
import nl.herstel.bia.api.RevisionKind;
import nl.herstel.bia.command.TargetRevision.Proposal;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.jdbc.Database;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * Deciding on a target revision spans two aggregates: the {@link TargetRevision} records the
 * decision and, when it accepts, the {@link BusinessProcess} takes the proposed targets. Both
 * happen in one transaction, so a decision never stands without its target change (nor a target
 * change without its decision). Accepting a likelihood revision rates its {@link Threat} anew
 * instead, in the same transaction.
 */
@ApplicationScoped
public class RevisionDecisions {
  @Inject CommandGateway commands;
  @Inject Database database;

  /**
   * The outcome: the revision's process, and the process's new version when targets changed; for a
   * likelihood revision the threat instead.
   */
  public record Outcome(String processId, Long processVersion, String threatId) {}

  /**
   * Decides on a revision; accepting sets the process's revised target (RTO, MTPD or RPO) to the
   * proposal and keeps the others.
   *
   * @param mtpd with an acceptance only: a new MTPD instead of the proposed one (or none)
   * @param check runs with the revision's process id (null for a likelihood revision) after the
   *     decision is recorded and before the targets change; what it throws rolls the decision back
   */
  public Outcome decide(
      String revisionId, boolean accept, String reason, Duration mtpd, Consumer<String> check) {
    return database
        .transactions()
        .inTransaction(
            () -> {
              Proposal proposal;
              try {
                proposal =
                    commands.sendAndWait(new DecideTargetRevision(revisionId, accept, reason));
              } catch (AggregateNotFoundException e) {
                throw new NotFound("Revision", revisionId);
              }
              check.accept(proposal.processId());
              if (proposal.kind() == RevisionKind.THREAT_LIKELIHOOD) {
                if (accept) {
                  try {
                    commands.sendAndWait(
                        new RateThreatLikelihood(
                            proposal.threatId(), proposal.proposedLikelihood()));
                  } catch (AggregateNotFoundException e) {
                    throw new NotFound("threatId", "Threat", proposal.threatId());
                  }
                }
                return new Outcome(null, null, proposal.threatId());
              }
              if (!accept) {
                return new Outcome(proposal.processId(), null, null);
              }
              try {
                Long version =
                    commands.sendAndWait(
                        new ApplyTargetRevision(
                            proposal.processId(),
                            revisionId,
                            proposal.proposedRto(),
                            mtpd != null ? mtpd : proposal.proposedMtpd(),
                            reason,
                            null,
                            proposal.proposedRpo()));
                return new Outcome(proposal.processId(), version, null);
              } catch (AggregateNotFoundException e) {
                throw new NotFound("processId", "Process", proposal.processId());
              }
            });
  }
}
