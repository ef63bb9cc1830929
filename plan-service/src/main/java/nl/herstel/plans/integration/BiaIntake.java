package nl.herstel.plans.integration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.logging.Logger;
import nl.herstel.contracts.bia.ProcessRegistered;
import nl.herstel.contracts.bia.RecoveryTargetsSet;
import nl.herstel.platform.jdbc.DataAccessException;
import nl.herstel.platform.jdbc.JdbcTransactions;
import nl.herstel.platform.kafka.IncomingEvent;

/**
 * Keeps the processes plan-service knows from the BIA, with their recovery targets (MTPD, RTO, RPO;
 * DOMAIN.md, BIA step 3), so coverage can be reported and plans can only cover real processes.
 * Another service's data needs no aggregate here: rows are written in the consumer's transaction,
 * together with the inbox entry that makes each event apply once. Targets only move forward in
 * time, so a late or replayed event never overwrites newer targets.
 */
public class BiaProcessIntake {
  private static final Logger LOG = Logger.getLogger(BiaProcessIntake.class.getName());

  private final JdbcTransactions db;

  public BiaProcessIntake(JdbcTransactions db) {
    this.db = db;
  }

  /** A process was registered at the BIA: known from now on (or its facts refreshed). */
  public void processRegistered(ProcessRegistered e, IncomingEvent envelope) {
    update(
        "INSERT INTO plan_known_process (process_id, name, critical, crown_jewel, owner,"
            + " mtpd_seconds, rto_seconds, rpo_seconds, targets_at, registered_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (process_id) DO UPDATE SET name = EXCLUDED.name,"
            + " critical = EXCLUDED.critical, crown_jewel = EXCLUDED.crown_jewel,"
            + " owner = EXCLUDED.owner,"
            + " mtpd_seconds = CASE WHEN EXCLUDED.targets_at >= plan_known_process.targets_at"
            + "   THEN EXCLUDED.mtpd_seconds ELSE plan_known_process.mtpd_seconds END,"
            + " rto_seconds = CASE WHEN EXCLUDED.targets_at >= plan_known_process.targets_at"
            + "   THEN EXCLUDED.rto_seconds ELSE plan_known_process.rto_seconds END,"
            + " rpo_seconds = CASE WHEN EXCLUDED.targets_at >= plan_known_process.targets_at"
            + "   THEN EXCLUDED.rpo_seconds ELSE plan_known_process.rpo_seconds END,"
            + " targets_at = GREATEST(EXCLUDED.targets_at, plan_known_process.targets_at)",
        e.processId(),
        e.name(),
        e.critical(),
        e.crownJewel(),
        e.owner(),
        e.mtpd().toSeconds(),
        e.rto().toSeconds(),
        seconds(e.rpo()),
        Timestamp.from(e.occurredAt()),
        Timestamp.from(e.occurredAt()));
  }

  /** A process's recovery targets changed at the BIA, by hand or by an accepted revision. */
  public void recoveryTargetsSet(RecoveryTargetsSet e, IncomingEvent envelope) {
    int updated =
        update(
            "UPDATE plan_known_process SET mtpd_seconds = ?, rto_seconds = ?, rpo_seconds = ?,"
                + " targets_at = ? WHERE process_id = ? AND targets_at <= ?",
            e.mtpd().toSeconds(),
            e.rto().toSeconds(),
            seconds(e.rpo()),
            Timestamp.from(e.occurredAt()),
            e.processId(),
            Timestamp.from(e.occurredAt()));
    if (updated == 0) {
      LOG.info(
          () ->
              "Recovery targets of process "
                  + e.processId()
                  + " (event "
                  + envelope.id()
                  + ") not applied: the process is unknown or has newer targets");
    }
  }

  private int update(String sql, Object... args) {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      return s.executeUpdate();
    } catch (SQLException ex) {
      throw new DataAccessException("Could not update the known processes", ex);
    }
  }

  private static Long seconds(Duration d) {
    return d == null ? null : d.toSeconds();
  }
}
