package nl.herstel.plans.integration;

import java.util.function.Supplier;
import java.util.logging.Logger;
import nl.herstel.contracts.lessons.ExerciseRequested;
import nl.herstel.contracts.lessons.PlanRevisionRequested;
import nl.herstel.plans.api.PlanCommands.RequestPlanReview;
import nl.herstel.platform.jdbc.Sql;
import nl.herstel.platform.kafka.IncomingEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * What lessons-service asks of the plans after an incident whose recovery breached a target (topic
 * herstel.lessons.v1): a plan revision request flags the plan for review with the incident as the
 * cause (the review mechanism the BIA's changes use, {@code RequestPlanReview}); an exercise
 * request is listed until someone plans the exercise. Both run in the consumer's transaction, with
 * the inbox row; a plan already flagged for the same incident is not flagged twice, a request
 * already listed is not listed twice.
 */
public class LessonsIntake {
  private static final Logger LOG = Logger.getLogger(LessonsIntake.class.getName());

  private final Sql sql;
  private final Supplier<CommandGateway> commands;

  public LessonsIntake(Sql sql, Supplier<CommandGateway> commands) {
    this.sql = sql;
    this.commands = commands;
  }

  /**
   * Flags the plan for review, caused by the incident; a plan plan-service never had is skipped.
   */
  public void planRevisionRequested(PlanRevisionRequested e, IncomingEvent envelope) {
    try {
      commands
          .get()
          .sendAndWait(new RequestPlanReview(e.planId(), "incident:" + e.incidentId(), e.reason()));
    } catch (AggregateNotFoundException unknown) {
      LOG.warning(
          () -> "Lessons asked to review unknown plan " + e.planId() + "; event " + envelope.id());
    }
  }

  /** Lists the exercise lessons asked for. */
  public void exerciseRequested(ExerciseRequested e, IncomingEvent envelope) {
    sql.update(
        "INSERT INTO plan_exercise_request (request_id, plan_id, scenario_card_id, incident_id,"
            + " process_ids, reason, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (request_id) DO NOTHING",
        e.requestId(),
        e.planId(),
        e.scenarioCardId(),
        e.incidentId(),
        Sql.json(e.processIds()),
        e.reason(),
        e.occurredAt());
  }
}
