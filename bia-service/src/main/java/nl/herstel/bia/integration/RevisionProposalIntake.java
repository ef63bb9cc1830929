package nl.herstel.bia.integration;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import nl.herstel.bia.api.BiaCommands.ProposeTargetRevision;
import nl.herstel.bia.api.RevisionEvidence;
import nl.herstel.bia.api.RevisionKind;
import nl.herstel.contracts.lessons.BiaRevisionProposed;
import nl.herstel.contracts.lessons.Evidence;
import nl.herstel.contracts.lessons.ThreatLikelihoodProposed;
import nl.herstel.platform.kafka.IncomingEvent;
import nl.herstel.platform.kafka.IntegrationEventHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Turns lessons-service's proposals into pending target revisions, which the process owner then
 * accepts or rejects: RTO breaches ({@code TargetRevisionProposed}) and the other kinds with their
 * evidence (MTPD, RPO, a stricter RTO: {@link BiaRevisionProposed}), and a threat's likelihood
 * ({@link ThreatLikelihoodProposed}). The revision id is derived from the proposal id, so a
 * redelivered proposal can never open a second revision; the revision names the proposal, so its
 * decision can tell lessons which proposal it answers. The contract event is written with its
 * package: the internal event that records the revision bears the same name.
 */
public class RevisionProposalIntake {
  private static final String PROPOSER = "lessons-service";

  private final Supplier<CommandGateway> commands;

  public RevisionProposalIntake(Supplier<CommandGateway> commands) {
    this.commands = commands;
  }

  /** The revision an RTO breach proposal becomes. */
  public IntegrationEventHandler<nl.herstel.contracts.lessons.TargetRevisionProposed>
      rtoBreaches() {
    return (event, envelope) ->
        commands
            .get()
            .sendAndWait(
                new ProposeTargetRevision(
                    revisionId(event.proposalId()),
                    event.processId(),
                    event.incidentId(),
                    event.currentRto(),
                    event.actualRecoveryTime(),
                    event.proposedRto(),
                    event.rationale(),
                    PROPOSER,
                    null,
                    RevisionKind.RTO,
                    event.currentRto(),
                    null,
                    List.of(
                        new RevisionEvidence(
                            event.incidentId(),
                            "RECOVERY_TIME",
                            event.actualRecoveryTime(),
                            event.currentRto())),
                    event.proposalId()));
  }

  /** The revision an MTPD, RPO or stricter-RTO proposal becomes. */
  public IntegrationEventHandler<BiaRevisionProposed> otherTargets() {
    return (BiaRevisionProposed event, IncomingEvent envelope) -> {
      RevisionKind kind = RevisionKind.valueOf(event.kind().name());
      commands
          .get()
          .sendAndWait(
              new ProposeTargetRevision(
                  revisionId(event.proposalId()),
                  event.processId(),
                  event.incidentId(),
                  kind == RevisionKind.RTO ? event.currentTarget() : null,
                  null,
                  kind == RevisionKind.RTO ? event.proposedTarget() : null,
                  event.rationale(),
                  PROPOSER,
                  kind == RevisionKind.MTPD ? event.proposedTarget() : null,
                  kind,
                  event.currentTarget(),
                  kind == RevisionKind.RPO ? event.proposedTarget() : null,
                  event.evidence().stream().map(RevisionProposalIntake::evidence).toList(),
                  event.proposalId()));
    };
  }

  /**
   * The revision a threat likelihood proposal becomes: the threat's likelihood from the current to
   * the proposed, with the incidents of its category as evidence (OCCURRENCE).
   */
  public IntegrationEventHandler<ThreatLikelihoodProposed> threatLikelihoods() {
    return (ThreatLikelihoodProposed event, IncomingEvent envelope) ->
        commands
            .get()
            .sendAndWait(
                ProposeTargetRevision.likelihood(
                    revisionId(event.proposalId()),
                    event.threatId(),
                    event.incidentId(),
                    event.currentLikelihood(),
                    event.proposedLikelihood(),
                    event.rationale(),
                    PROPOSER,
                    event.incidents().stream()
                        .map(
                            i ->
                                new RevisionEvidence(
                                    i.incidentId(), "OCCURRENCE", null, null, i.disruptedAt()))
                        .toList(),
                    event.proposalId()));
  }

  private static RevisionEvidence evidence(Evidence e) {
    return new RevisionEvidence(e.incidentId(), e.measure(), e.measured(), e.target());
  }

  private static String revisionId(String proposalId) {
    return UUID.nameUUIDFromBytes(("revision:" + proposalId).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
