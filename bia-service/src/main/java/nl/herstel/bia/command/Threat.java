package nl.herstel.bia.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import nl.herstel.bia.api.BiaCommands.RateThreatImpact;
import nl.herstel.bia.api.BiaCommands.RateThreatLikelihood;
import nl.herstel.bia.api.BiaCommands.RegisterThreat;
import nl.herstel.bia.api.BiaEvents.ThreatImpactRated;
import nl.herstel.bia.api.BiaEvents.ThreatLikelihoodRated;
import nl.herstel.bia.api.BiaEvents.ThreatRegistered;
import nl.herstel.platform.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A threat in the catalogue (DOMAIN.md, step 2, "Analyse threats"): how likely it is (1–5) and, per
 * process it affects, how hard it would hit (1–5); risk = likelihood × impact.
 */
public class Threat {
  @AggregateIdentifier private String threatId;

  protected Threat() {}

  @CommandHandler
  public Threat(RegisterThreat command) {
    checkScale("likelihood", command.likelihood());
    apply(
        new ThreatRegistered(
            command.threatId(), command.name(), command.description(), command.likelihood()));
  }

  @CommandHandler
  public void handle(RateThreatLikelihood command) {
    checkScale("likelihood", command.likelihood());
    apply(new ThreatLikelihoodRated(threatId, command.likelihood()));
  }

  @CommandHandler
  public void handle(RateThreatImpact command) {
    checkScale("impact", command.impact());
    apply(new ThreatImpactRated(threatId, command.processId(), command.impact()));
  }

  private static void checkScale(String field, int value) {
    if (value < 1 || value > 5) {
      throw new RuleViolation(field, field + " is rated 1 to 5");
    }
  }

  @EventSourcingHandler
  void on(ThreatRegistered event) {
    threatId = event.threatId();
  }
}
