package nl.herstel.plans.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.herstel.plans.api.PlanEvents.NetworkDocumentRegistered;
import nl.herstel.plans.api.PlanEvents.NetworkDocumentRevised;
import nl.herstel.plans.api.PlanEvents.NetworkDocumentVerified;
import nl.herstel.plans.api.PlanQueries.FindNetworkDocument;
import nl.herstel.plans.api.PlanQueries.ListNetworkDocuments;
import nl.herstel.platform.jdbc.Sql;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Network documents and when each must next be verified, so the stale ones can be listed (a
 * document never verified is stale at once).
 */
@ProcessingGroup("network-documents")
public class NetworkDocumentProjection {
  private final Sql sql;

  public NetworkDocumentProjection(Sql sql) {
    this.sql = sql;
  }

  @EventHandler
  void on(NetworkDocumentRegistered e, @Timestamp Instant at) {
    sql.update(
        "INSERT INTO plan_network_document (document_id, title, document_version, owner, location,"
            + " last_verified_at, verification_seconds, verify_by, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        e.documentId(),
        e.title(),
        e.documentVersion(),
        e.owner(),
        e.location(),
        e.lastVerifiedAt(),
        e.verificationInterval().toSeconds(),
        e.lastVerifiedAt() == null ? null : e.lastVerifiedAt().plus(e.verificationInterval()),
        at);
  }

  @EventHandler
  void on(NetworkDocumentRevised e, @Timestamp Instant at) {
    sql.update(
        "UPDATE plan_network_document SET title = ?, document_version = ?, owner = ?,"
            + " location = ?, verification_seconds = ?,"
            + " verify_by = last_verified_at + make_interval(secs => ?), updated_at = ?"
            + " WHERE document_id = ?",
        e.title(),
        e.documentVersion(),
        e.owner(),
        e.location(),
        e.verificationInterval().toSeconds(),
        (double) e.verificationInterval().toSeconds(),
        at,
        e.documentId());
  }

  @EventHandler
  void on(NetworkDocumentVerified e, @Timestamp Instant at) {
    sql.update(
        "UPDATE plan_network_document SET last_verified_at = ?,"
            + " verify_by = ?::timestamptz + make_interval(secs => verification_seconds),"
            + " updated_at = ? WHERE document_id = ?",
        e.verifiedAt(),
        e.verifiedAt(),
        at,
        e.documentId());
  }

  @QueryHandler
  public Optional<NetworkDocumentView> find(FindNetworkDocument query) {
    return sql.one(
        "SELECT * FROM plan_network_document WHERE document_id = ?",
        this::view,
        query.documentId());
  }

  @QueryHandler
  public List<NetworkDocumentView> list(ListNetworkDocuments query) {
    List<Object> args = new ArrayList<>();
    String where = " WHERE true";
    String order = " ORDER BY title, document_id";
    if (query.staleAt() != null) {
      where += " AND (verify_by IS NULL OR verify_by < ?)";
      args.add(query.staleAt());
      order = " ORDER BY document_id";
      if (query.after() != null) {
        where += " AND document_id > ?";
        args.add(query.after());
      }
    } else if (query.after() != null) {
      String[] key = query.after().split("\u001f", 2);
      where += " AND (title, document_id) > (?, ?)";
      args.add(key[0]);
      args.add(key.length > 1 ? key[1] : "");
    }
    args.add(query.limit() + 1);
    return sql.list(
        "SELECT * FROM plan_network_document" + where + order + " LIMIT ?",
        this::view,
        args.toArray());
  }

  /** The sort key of a document in a list, for its cursor. */
  public static String key(NetworkDocumentView document, boolean stale) {
    return stale ? document.id() : document.title() + "\u001f" + document.id();
  }

  private NetworkDocumentView view(ResultSet r) throws SQLException {
    Instant verifyBy = Sql.instant(r, "verify_by");
    return new NetworkDocumentView(
        r.getString("document_id"),
        r.getString("title"),
        r.getString("document_version"),
        r.getString("owner"),
        r.getString("location"),
        Sql.instant(r, "last_verified_at"),
        Sql.duration(r, "verification_seconds"),
        verifyBy,
        verifyBy == null || verifyBy.isBefore(Instant.now()),
        Sql.instant(r, "updated_at"));
  }
}
