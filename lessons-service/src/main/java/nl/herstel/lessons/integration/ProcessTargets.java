package nl.herstel.lessons.integration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Optional;
import nl.herstel.contracts.bia.ProcessRegistered;
import nl.herstel.contracts.bia.RecoveryTargetsSet;
import nl.herstel.platform.jdbc.DataAccessException;
import nl.herstel.platform.jdbc.JdbcTransactions;
import nl.herstel.platform.kafka.IncomingEvent;

/**
 * The recovery targets the BIA has set for each process (MTPD, RTO, RPO; DOMAIN.md, BIA step 3),
 * kept from bia-service's events so that a closed incident is measured against the targets that
 * applied when it closed. Written inside the consumer's transaction, with the inbox row.
 */
public class ProcessTargets {
  private final JdbcTransactions db;

  /** A process's current targets; {@code name} is null when only its targets were seen. */
  public record Targets(String processId, String name, Duration mtpd, Duration rto, Duration rpo) {}

  public ProcessTargets(JdbcTransactions db) {
    this.db = db;
  }

  /** A process was registered with its first targets. */
  public void registered(ProcessRegistered event, IncomingEvent envelope) {
    update(
        "INSERT INTO lessons_process_target"
            + " (process_id, name, mtpd_seconds, rto_seconds, rpo_seconds, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (process_id) DO UPDATE SET name = EXCLUDED.name,"
            + " mtpd_seconds = EXCLUDED.mtpd_seconds, rto_seconds = EXCLUDED.rto_seconds,"
            + " rpo_seconds = EXCLUDED.rpo_seconds, updated_at = EXCLUDED.updated_at",
        event.processId(),
        event.name(),
        event.mtpd().toSeconds(),
        event.rto().toSeconds(),
        seconds(event.rpo()),
        Timestamp.from(event.occurredAt()));
  }

  /** A process's targets were set again, by hand or by an accepted revision; its name stays. */
  public void targetsSet(RecoveryTargetsSet event, IncomingEvent envelope) {
    update(
        "INSERT INTO lessons_process_target"
            + " (process_id, mtpd_seconds, rto_seconds, rpo_seconds, updated_at)"
            + " VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT (process_id) DO UPDATE SET mtpd_seconds = EXCLUDED.mtpd_seconds,"
            + " rto_seconds = EXCLUDED.rto_seconds, rpo_seconds = EXCLUDED.rpo_seconds,"
            + " updated_at = EXCLUDED.updated_at",
        event.processId(),
        event.mtpd().toSeconds(),
        event.rto().toSeconds(),
        seconds(event.rpo()),
        Timestamp.from(event.occurredAt()));
  }

  /** The process's current targets, or empty when the BIA never told lessons about it. */
  public Optional<Targets> find(String processId) {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT * FROM lessons_process_target WHERE process_id = ?")) {
      s.setString(1, processId);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Targets(
                r.getString("process_id"),
                r.getString("name"),
                duration(r, "mtpd_seconds"),
                duration(r, "rto_seconds"),
                duration(r, "rpo_seconds")));
      }
    } catch (SQLException e) {
      throw new DataAccessException("Could not read the targets of process " + processId, e);
    }
  }

  private void update(String sql, Object... args) {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      s.executeUpdate();
    } catch (SQLException e) {
      throw new DataAccessException("Could not update the process targets", e);
    }
  }

  private static Long seconds(Duration d) {
    return d == null ? null : d.toSeconds();
  }

  private static Duration duration(ResultSet r, String column) throws SQLException {
    long value = r.getLong(column);
    return r.wasNull() ? null : Duration.ofSeconds(value);
  }
}
