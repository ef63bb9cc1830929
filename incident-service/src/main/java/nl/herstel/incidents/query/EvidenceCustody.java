package nl.herstel.incidents.query;

import static nl.herstel.platform.jdbc.Sql.at;
import static nl.herstel.platform.jdbc.Sql.instant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.herstel.incidents.api.IncidentEvents.EvidenceRegistered;
import nl.herstel.incidents.api.IncidentEvents.EvidenceTransferred;
import nl.herstel.incidents.api.IncidentEvents.EvidenceVerified;
import nl.herstel.incidents.api.IncidentQueries.FindEvidence;
import nl.herstel.incidents.api.IncidentQueries.ListEvidence;
import nl.herstel.incidents.query.EvidenceView.TransferView;
import nl.herstel.incidents.query.EvidenceView.VerificationView;
import nl.herstel.platform.jdbc.JdbcTransactions;
import nl.herstel.platform.jdbc.Sql;
import nl.herstel.platform.messaging.EventMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;

/** Evidence items and their custody chains; rows commit with the processor's token. */
@ProcessingGroup("incident-evidence")
public class EvidenceCustody {
  private final Sql sql;

  public EvidenceCustody(JdbcTransactions db) {
    this.sql = new Sql(db);
  }

  @EventHandler
  void on(
      EvidenceRegistered e,
      @SequenceNumber long sequence,
      @MetaDataValue(EventMetadata.PRINCIPAL) String principal,
      @MetaDataValue(EventMetadata.ROLE) String role,
      @Timestamp Instant registeredAt) {
    sql.update(
        "INSERT INTO incident_evidence (incident_id, item_id, sequence, sha256, description,"
            + " collected_by, collected_at, storage_location, custodian, integrity, principal,"
            + " role, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'UNVERIFIED', ?, ?, ?)",
        e.incidentId(),
        e.itemId(),
        sequence,
        e.sha256(),
        e.description(),
        e.collectedBy(),
        at(e.collectedAt()),
        e.storageLocation(),
        e.collectedBy(),
        principal,
        role,
        at(registeredAt));
  }

  @EventHandler
  void on(
      EvidenceTransferred e,
      @SequenceNumber long sequence,
      @MetaDataValue(EventMetadata.PRINCIPAL) String principal,
      @MetaDataValue(EventMetadata.ROLE) String role) {
    sql.update(
        "INSERT INTO incident_evidence_transfer (incident_id, sequence, item_id, from_party,"
            + " to_party, at, reason, principal, role) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        e.incidentId(),
        sequence,
        e.itemId(),
        e.from(),
        e.to(),
        at(e.at()),
        e.reason(),
        principal,
        role);
    sql.update(
        "UPDATE incident_evidence SET custodian = ? WHERE incident_id = ? AND item_id = ?",
        e.to(),
        e.incidentId(),
        e.itemId());
  }

  @EventHandler
  void on(
      EvidenceVerified e,
      @SequenceNumber long sequence,
      @MetaDataValue(EventMetadata.PRINCIPAL) String principal,
      @MetaDataValue(EventMetadata.ROLE) String role) {
    sql.update(
        "INSERT INTO incident_evidence_verification (incident_id, sequence, item_id,"
            + " expected_sha256, observed_sha256, matches, verified_at, principal, role)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        e.incidentId(),
        sequence,
        e.itemId(),
        e.expectedSha256(),
        e.observedSha256(),
        e.matches(),
        at(e.verifiedAt()),
        principal,
        role);
    sql.update(
        "UPDATE incident_evidence SET integrity = CASE WHEN integrity = 'MISMATCH' OR NOT ?"
            + " THEN 'MISMATCH' ELSE 'INTACT' END WHERE incident_id = ? AND item_id = ?",
        e.matches(),
        e.incidentId(),
        e.itemId());
  }

  @ResetHandler
  void reset() {
    sql.update("DELETE FROM incident_evidence_verification");
    sql.update("DELETE FROM incident_evidence_transfer");
    sql.update("DELETE FROM incident_evidence");
  }

  @QueryHandler
  public List<EvidenceView> list(ListEvidence query) {
    List<Object> args = new ArrayList<>(List.of(query.incidentId()));
    String after = "";
    if (query.after() != null) {
      after =
          " AND (registered_at, sequence) > (SELECT registered_at, sequence"
              + " FROM incident_evidence WHERE incident_id = ? AND item_id = ?)";
      args.add(query.incidentId());
      args.add(query.after());
    }
    args.add(query.limit() + 1);
    return items(after, " LIMIT ?", args.toArray());
  }

  @QueryHandler
  public Optional<EvidenceView> find(FindEvidence query) {
    return items(" AND item_id = ?", "", query.incidentId(), query.itemId()).stream().findFirst();
  }

  private List<EvidenceView> items(String condition, String limit, Object... args) {
    return sql.list(
        "SELECT * FROM incident_evidence WHERE incident_id = ?"
            + condition
            + " ORDER BY registered_at, sequence"
            + limit,
        r -> {
          String incidentId = r.getString("incident_id");
          String itemId = r.getString("item_id");
          return new EvidenceView(
              itemId,
              r.getString("sha256"),
              r.getString("description"),
              r.getString("collected_by"),
              instant(r, "collected_at"),
              r.getString("storage_location"),
              r.getString("custodian"),
              r.getString("integrity"),
              r.getString("principal"),
              instant(r, "registered_at"),
              transfers(incidentId, itemId),
              verifications(incidentId, itemId));
        },
        args);
  }

  private List<TransferView> transfers(String incidentId, String itemId) {
    return sql.list(
        "SELECT * FROM incident_evidence_transfer WHERE incident_id = ? AND item_id = ?"
            + " ORDER BY sequence",
        r ->
            new TransferView(
                r.getString("from_party"),
                r.getString("to_party"),
                instant(r, "at"),
                r.getString("reason"),
                r.getString("principal"),
                r.getString("role")),
        incidentId,
        itemId);
  }

  private List<VerificationView> verifications(String incidentId, String itemId) {
    return sql.list(
        "SELECT * FROM incident_evidence_verification WHERE incident_id = ? AND item_id = ?"
            + " ORDER BY sequence",
        r ->
            new VerificationView(
                r.getString("expected_sha256"),
                r.getString("observed_sha256"),
                r.getBoolean("matches"),
                instant(r, "verified_at"),
                r.getString("principal"),
                r.getString("role")),
        incidentId,
        itemId);
  }
}
