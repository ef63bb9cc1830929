package nl.herstel.plans.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.time.Instant;
import nl.herstel.plans.api.PlanCommands.RegisterNetworkDocument;
import nl.herstel.plans.api.PlanCommands.ReviseNetworkDocument;
import nl.herstel.plans.api.PlanCommands.VerifyNetworkDocument;
import nl.herstel.plans.api.PlanEvents.NetworkDocumentRegistered;
import nl.herstel.plans.api.PlanEvents.NetworkDocumentRevised;
import nl.herstel.plans.api.PlanEvents.NetworkDocumentVerified;
import nl.herstel.platform.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A network description or diagram, which the guide asks to keep current through a process
 * (DOMAIN.md, step 2): each is checked against the network every verification interval, and one
 * whose check is overdue is stale. Its own aggregate: it lives independently of any plan.
 */
public class NetworkDocument {
  @AggregateIdentifier private String documentId;
  private Instant lastVerifiedAt;

  protected NetworkDocument() {}

  @CommandHandler
  public NetworkDocument(RegisterNetworkDocument command) {
    checkInterval(command.verificationInterval());
    if (command.lastVerifiedAt() != null && command.lastVerifiedAt().isAfter(Instant.now())) {
      throw new RuleViolation("lastVerifiedAt", "A verification cannot lie in the future");
    }
    apply(
        new NetworkDocumentRegistered(
            command.documentId(),
            command.title().strip(),
            command.documentVersion(),
            command.owner(),
            command.location(),
            command.lastVerifiedAt(),
            command.verificationInterval()));
  }

  @CommandHandler
  void handle(ReviseNetworkDocument command) {
    checkInterval(command.verificationInterval());
    apply(
        new NetworkDocumentRevised(
            documentId,
            command.title().strip(),
            command.documentVersion(),
            command.owner(),
            command.location(),
            command.verificationInterval()));
  }

  @CommandHandler
  void handle(VerifyNetworkDocument command) {
    if (command.verifiedAt().isAfter(Instant.now())) {
      throw new RuleViolation("verifiedAt", "A verification cannot lie in the future");
    }
    if (lastVerifiedAt != null && command.verifiedAt().isBefore(lastVerifiedAt)) {
      throw new RuleViolation(
          "verifiedAt", "The document was already verified later, at " + lastVerifiedAt);
    }
    apply(new NetworkDocumentVerified(documentId, command.verifiedAt(), command.note()));
  }

  @EventSourcingHandler
  void on(NetworkDocumentRegistered event) {
    documentId = event.documentId();
    lastVerifiedAt = event.lastVerifiedAt();
  }

  @EventSourcingHandler
  void on(NetworkDocumentVerified event) {
    lastVerifiedAt = event.verifiedAt();
  }

  private static void checkInterval(Duration interval) {
    if (interval == null || interval.isZero() || interval.isNegative()) {
      throw new RuleViolation(
          "verificationInterval", "A verification interval is a positive duration, e.g. P90D");
    }
  }
}
