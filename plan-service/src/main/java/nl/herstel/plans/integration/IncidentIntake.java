package nl.herstel.plans.integration;

import java.time.Duration;
import nl.herstel.contracts.incidents.IncidentClosed;
import nl.herstel.contracts.incidents.Restoration;
import nl.herstel.platform.jdbc.Sql;
import nl.herstel.platform.kafka.IncomingEvent;

/**
 * Real recoveries from herstel.incidents.v1: when a closed incident restored a business process,
 * the time from the disruption to the restoration is a real use of the plan and counts like an
 * exercise result in readiness. incident-service publishes no plan activation event today; its
 * IncidentClosed carries the restorations, which is what readiness needs. Written with the inbox
 * entry of the event, so a redelivery applies once.
 */
public class IncidentIntake {
  private final Sql sql;

  public IncidentIntake(Sql sql) {
    this.sql = sql;
  }

  public void incidentClosed(IncidentClosed e, IncomingEvent envelope) {
    for (Restoration r : e.restorations()) {
      Duration took = Duration.between(e.disruptedAt(), r.restoredAt());
      if (took.isNegative()) {
        continue;
      }
      sql.update(
          "INSERT INTO plan_real_recovery (incident_id, process_id, achieved_seconds, restored_at)"
              + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
          e.incidentId(),
          r.processId(),
          took,
          r.restoredAt());
    }
  }
}
