package nl.herstel.incidents.query;

import static nl.herstel.platform.jdbc.Sql.at;
import static nl.herstel.platform.jdbc.Sql.bool;
import static nl.herstel.platform.jdbc.Sql.duration;
import static nl.herstel.platform.jdbc.Sql.instant;
import static nl.herstel.platform.jdbc.Sql.seconds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.herstel.incidents.api.CostKind;
import nl.herstel.incidents.api.IncidentEvents.CostRecorded;
import nl.herstel.incidents.api.IncidentEvents.ProcessRestored;
import nl.herstel.incidents.api.IncidentQueries.ListCosts;
import nl.herstel.incidents.api.IncidentQueries.ListRestorations;
import nl.herstel.incidents.query.CostReport.CostView;
import nl.herstel.incidents.query.CostReport.KindTotal;
import nl.herstel.incidents.query.CostReport.Total;
import nl.herstel.platform.jdbc.JdbcTransactions;
import nl.herstel.platform.jdbc.Sql;
import nl.herstel.platform.messaging.EventMetadata;
import nl.herstel.platform.rest.Page;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;

/** Restorations and costs recorded during recovery; rows commit with the processor's token. */
@ProcessingGroup("incident-recovery-records")
public class RecoveryRecords {
  private final Sql sql;

  public RecoveryRecords(JdbcTransactions db) {
    this.sql = new Sql(db);
  }

  @EventHandler
  void on(
      ProcessRestored e,
      @SequenceNumber long sequence,
      @MetaDataValue(EventMetadata.PRINCIPAL) String principal,
      @MetaDataValue(EventMetadata.ROLE) String role,
      @Timestamp Instant recordedAt) {
    sql.update(
        "INSERT INTO incident_restoration (incident_id, sequence, process_id, disrupted_at,"
            + " restored_at, data_restored_to, recovery_seconds, data_loss_seconds, rto_seconds,"
            + " rpo_seconds, rto_met, rpo_met, principal, role, recorded_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        e.incidentId(),
        sequence,
        e.processId(),
        at(e.disruptedAt()),
        at(e.restoredAt()),
        at(e.dataRestoredTo()),
        seconds(e.recoveryTime()),
        seconds(e.dataLoss()),
        seconds(e.rto()),
        seconds(e.rpo()),
        e.rtoMet(),
        e.rpoMet(),
        principal,
        role,
        at(recordedAt));
  }

  @EventHandler
  void on(
      CostRecorded e,
      @SequenceNumber long sequence,
      @MetaDataValue(EventMetadata.PRINCIPAL) String principal,
      @MetaDataValue(EventMetadata.ROLE) String role,
      @Timestamp Instant recordedAt) {
    sql.update(
        "INSERT INTO incident_cost (incident_id, sequence, cost_id, kind, amount, currency,"
            + " description, incurred_at, principal, role, recorded_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        e.incidentId(),
        sequence,
        e.costId(),
        e.kind().name(),
        e.amount(),
        e.currency(),
        e.description(),
        at(e.incurredAt()),
        principal,
        role,
        at(recordedAt));
  }

  @ResetHandler
  void reset() {
    sql.update("DELETE FROM incident_restoration");
    sql.update("DELETE FROM incident_cost");
  }

  /** The sort key of a restoration in {@link ListRestorations}, for its cursor. */
  public static String key(RestorationRecordView restoration) {
    return Page.key(restoration.recordedAt(), restoration.processId());
  }

  @QueryHandler
  public List<RestorationRecordView> restorations(ListRestorations query) {
    List<Object> args = new ArrayList<>(List.of(query.incidentId()));
    String after = "";
    if (query.after() != null) {
      after =
          " AND sequence > (SELECT MAX(sequence) FROM incident_restoration"
              + " WHERE incident_id = ? AND recorded_at = ? AND process_id = ?)";
      args.add(query.incidentId());
      args.addAll(Page.parse(query.after(), 2, k -> List.of(Instant.parse(k[0]), k[1])));
    }
    args.add(query.limit() + 1);
    return sql.list(
        "SELECT * FROM incident_restoration WHERE incident_id = ?"
            + after
            + " ORDER BY sequence LIMIT ?",
        r ->
            new RestorationRecordView(
                r.getString("process_id"),
                instant(r, "disrupted_at"),
                instant(r, "restored_at"),
                instant(r, "data_restored_to"),
                duration(r, "recovery_seconds"),
                duration(r, "data_loss_seconds"),
                duration(r, "rto_seconds"),
                duration(r, "rpo_seconds"),
                bool(r, "rto_met"),
                bool(r, "rpo_met"),
                r.getString("principal"),
                r.getString("role"),
                instant(r, "recorded_at")),
        args.toArray());
  }

  @QueryHandler
  public CostReport costs(ListCosts query) {
    List<CostView> costs =
        sql.list(
            "SELECT * FROM incident_cost WHERE incident_id = ? ORDER BY incurred_at, sequence",
            r ->
                new CostView(
                    r.getString("cost_id"),
                    CostKind.valueOf(r.getString("kind")),
                    r.getBigDecimal("amount"),
                    r.getString("currency"),
                    r.getString("description"),
                    instant(r, "incurred_at"),
                    r.getString("principal"),
                    r.getString("role"),
                    instant(r, "recorded_at")),
            query.incidentId());
    List<KindTotal> byKind =
        sql.list(
            "SELECT kind, currency, SUM(amount) AS total FROM incident_cost WHERE incident_id = ?"
                + " GROUP BY kind, currency ORDER BY kind, currency",
            r ->
                new KindTotal(
                    CostKind.valueOf(r.getString("kind")),
                    r.getString("currency"),
                    r.getBigDecimal("total")),
            query.incidentId());
    List<Total> totals =
        sql.list(
            "SELECT currency, SUM(amount) AS total FROM incident_cost WHERE incident_id = ?"
                + " GROUP BY currency ORDER BY currency",
            r -> new Total(r.getString("currency"), r.getBigDecimal("total")),
            query.incidentId());
    return new CostReport(costs, byKind, totals);
  }
}
