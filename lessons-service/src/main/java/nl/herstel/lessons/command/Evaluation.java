package nl.herstel.lessons.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.time.ZoneOffset;
import nl.herstel.lessons.api.EvaluationCommands.DraftEvaluation;
import nl.herstel.lessons.api.EvaluationCommands.FinaliseEvaluation;
import nl.herstel.lessons.api.EvaluationCommands.ReviseEvaluation;
import nl.herstel.lessons.api.EvaluationContent;
import nl.herstel.lessons.api.EvaluationEvents.EvaluationDrafted;
import nl.herstel.lessons.api.EvaluationEvents.EvaluationFinalised;
import nl.herstel.lessons.api.EvaluationEvents.EvaluationRevised;
import nl.herstel.lessons.api.EvaluationStatus;
import nl.herstel.platform.domain.Conflict;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;

/**
 * One evaluation of an incident (DOMAIN.md, "Continuous learning"): what went well, cause and
 * damage, what helped and hindered the recovery, who took part. A draft is edited until it is
 * finalised; a final evaluation is the record and never changes. Its own aggregate: an incident may
 * have several evaluations (a quick hot wash, a full one), each with its own life.
 */
public class Evaluation {
  @AggregateIdentifier private String evaluationId;
  private String incidentId;
  private EvaluationStatus status;
  private EvaluationContent content;

  protected Evaluation() {}

  @CommandHandler
  public Evaluation(DraftEvaluation command) {
    apply(
        new EvaluationDrafted(
            command.evaluationId(), command.incidentId(), checked(command.content())));
  }

  @CommandHandler
  long handle(ReviseEvaluation command) {
    requireIncident(command.incidentId());
    ExpectedVersion.check("Evaluation", evaluationId, command.expectedVersion());
    requireDraft();
    apply(new EvaluationRevised(evaluationId, incidentId, checked(command.content())));
    return AggregateLifecycle.getVersion();
  }

  @CommandHandler
  long handle(FinaliseEvaluation command) {
    requireIncident(command.incidentId());
    ExpectedVersion.check("Evaluation", evaluationId, command.expectedVersion());
    requireDraft();
    if (blank(content.causeAndDamage())) {
      throw new RuleViolation(
          "causeAndDamage", "A final evaluation states the cause and the damage");
    }
    if (content.heldOn() == null) {
      throw new RuleViolation("heldOn", "A final evaluation states when it was held");
    }
    if (content.participants().isEmpty()) {
      throw new RuleViolation("participants", "A final evaluation names who took part");
    }
    apply(new EvaluationFinalised(evaluationId, incidentId));
    return AggregateLifecycle.getVersion();
  }

  @EventSourcingHandler
  void on(EvaluationDrafted event) {
    evaluationId = event.evaluationId();
    incidentId = event.incidentId();
    status = EvaluationStatus.DRAFT;
    content = event.content();
  }

  @EventSourcingHandler
  void on(EvaluationRevised event) {
    content = event.content();
  }

  @EventSourcingHandler
  void on(EvaluationFinalised event) {
    status = EvaluationStatus.FINAL;
  }

  private void requireIncident(String named) {
    if (!incidentId.equals(named)) {
      throw new NotFound("Evaluation of incident " + named, evaluationId);
    }
  }

  private void requireDraft() {
    if (status == EvaluationStatus.FINAL) {
      throw new Conflict(
          "status", "Evaluation " + evaluationId + " is final and can no longer change");
    }
  }

  static EvaluationContent checked(EvaluationContent content) {
    if (content.heldOn() != null
        && content.heldOn().isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(1))) {
      throw new RuleViolation("heldOn", "An evaluation cannot have been held in the future");
    }
    for (int i = 0; i < content.participants().size(); i++) {
      if (blank(content.participants().get(i).name())) {
        throw new RuleViolation("participants[" + i + "].name", "A participant has a name");
      }
    }
    return content;
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
