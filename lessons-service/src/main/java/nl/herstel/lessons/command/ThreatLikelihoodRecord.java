package nl.herstel.lessons.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.herstel.contracts.lessons.ThreatLikelihoodProposed.Occurrence;
import nl.herstel.lessons.api.LessonsCommands.AssessThreatLikelihood;
import nl.herstel.lessons.api.LessonsEvents.LikelihoodProposalDecided;
import nl.herstel.lessons.api.LessonsEvents.ThreatLikelihoodAssessed;
import nl.herstel.lessons.api.LessonsEvents.ThreatLikelihoodProposed;
import nl.herstel.lessons.api.ProposalKind;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * How often a BIA threat's incident category occurred, across incidents, identified by the threat's
 * id: the evidence for its likelihood (DOMAIN.md, BIA step 2 and "Improve") that one incident's
 * review cannot see. When the incidents of the category in the year up to a closed incident amount
 * to a higher likelihood on the scale than the BIA gives the threat, a higher likelihood is
 * proposed, with those incidents as evidence.
 *
 * <p>Only higher: a year without incidents of a category says little about a threat an organisation
 * may have kept out on purpose, and no incident review happens in such a year to notice it. One
 * proposal per threat is pending at a time; a rejected proposal is not made again for the same or a
 * lower likelihood, only when the incidents point higher still.
 */
public class ThreatLikelihoodRecord {
  @AggregateIdentifier private String threatId;
  private final Set<String> assessed = new HashSet<>();
  private final Set<String> proposals = new HashSet<>();
  private String pendingProposalId;
  private int pendingLikelihood;
  private int rejectedLikelihood;

  protected ThreatLikelihoodRecord() {}

  /**
   * Assesses once per closed incident; proposes when the incidents point to a higher likelihood.
   */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public void handle(AssessThreatLikelihood command) {
    if (assessed.contains(command.incidentId())) {
      return;
    }
    int count = command.incidents().size();
    int observed = command.scale().level(count);
    apply(
        new ThreatLikelihoodAssessed(
            command.threatId(),
            command.incidentId(),
            command.category(),
            count,
            observed,
            command.currentLikelihood()));
    Boolean fate = pendingProposalId == null ? null : command.decided().get(pendingProposalId);
    if (fate != null) {
      apply(
          new LikelihoodProposalDecided(
              threatId, pendingProposalId, pendingLikelihood, fate.booleanValue()));
    }
    if (observed <= command.currentLikelihood()
        || observed <= rejectedLikelihood
        || pendingProposalId != null) {
      return;
    }
    List<String> ids = command.incidents().stream().map(Occurrence::incidentId).sorted().toList();
    String proposalId =
        Figures.proposalId(
            ProposalKind.THREAT_LIKELIHOOD.name(), command.threatId(), String.join(",", ids));
    if (proposals.contains(proposalId)) {
      return;
    }
    apply(
        new ThreatLikelihoodProposed(
            proposalId,
            command.threatId(),
            command.threatName(),
            command.category(),
            command.incidentId(),
            command.currentLikelihood(),
            observed,
            command.windowFrom(),
            command.windowTo(),
            command.incidents(),
            rationale(command, count, observed)));
  }

  private static String rationale(AssessThreatLikelihood command, int count, int observed) {
    return count
        + (count == 1 ? " incident" : " incidents")
        + " of category "
        + command.category()
        + " in the year up to "
        + command.windowTo()
        + " (incident "
        + command.incidentId()
        + " the latest reviewed): on the likelihood scale that is "
        + observed
        + ", while the BIA rates the threat '"
        + command.threatName()
        + "' "
        + command.currentLikelihood()
        + ". Either accept a likelihood of "
        + observed
        + " (and the risks it weighs), or keep "
        + command.currentLikelihood()
        + " and say why these incidents do not change it.";
  }

  @EventSourcingHandler
  void on(ThreatLikelihoodAssessed event) {
    threatId = event.threatId();
    assessed.add(event.incidentId());
  }

  @EventSourcingHandler
  void on(ThreatLikelihoodProposed event) {
    proposals.add(event.proposalId());
    pendingProposalId = event.proposalId();
    pendingLikelihood = event.proposedLikelihood();
  }

  @EventSourcingHandler
  void on(LikelihoodProposalDecided event) {
    pendingProposalId = null;
    if (!event.accepted()) {
      rejectedLikelihood = Math.max(rejectedLikelihood, event.proposedLikelihood());
    }
  }
}
