package nl.herstel.lessons.integration;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import nl.herstel.contracts.bia.ProcessRegistered;
import nl.herstel.contracts.bia.RecoveryTargetsSet;
import nl.herstel.platform.jdbc.ProcessTargetsCopy;
import nl.herstel.platform.jdbc.ProcessTargetsCopy.Fact;
import nl.herstel.platform.jdbc.Sql;
import nl.herstel.platform.kafka.IncomingEvent;

/**
 * The recovery targets the BIA has set for each process (MTPD, RTO, RPO; DOMAIN.md, BIA step 3),
 * kept from bia-service's events so that a closed incident is measured against the targets that
 * applied when it closed. Written inside the consumer's transaction, with the inbox row; the
 * targets set last (by the events' {@code occurredAt}) win.
 */
public class ProcessTargets {
  private final Sql sql;
  private final ProcessTargetsCopy copy;

  /** A process's current targets; {@code name} is null when only its targets were seen. */
  public record Targets(String processId, String name, Duration mtpd, Duration rto, Duration rpo) {}

  public ProcessTargets(Sql sql) {
    this.sql = sql;
    this.copy =
        new ProcessTargetsCopy(sql, "lessons_process_target", "updated_at", Set.of(Fact.NAME));
  }

  /** A process was registered with its first targets. */
  public void registered(ProcessRegistered event, IncomingEvent envelope) {
    copy.registered(event);
  }

  /** A process's targets were set again, by hand or by an accepted revision; its name stays. */
  public void targetsSet(RecoveryTargetsSet event, IncomingEvent envelope) {
    copy.targetsSet(event);
  }

  /** The process's current targets, or empty when the BIA never told lessons about it. */
  public Optional<Targets> find(String processId) {
    return sql.one(
        "SELECT * FROM lessons_process_target WHERE process_id = ?",
        r ->
            new Targets(
                r.getString("process_id"),
                r.getString("name"),
                Sql.duration(r, "mtpd_seconds"),
                Sql.duration(r, "rto_seconds"),
                Sql.duration(r, "rpo_seconds")),
        processId);
  }
}
