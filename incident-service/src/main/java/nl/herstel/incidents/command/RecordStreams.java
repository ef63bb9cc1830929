package nl.herstel.incidents.command;

import java.util.Optional;
import nl.herstel.platform.jdbc.JdbcTransactions;
import nl.herstel.platform.jdbc.Sql;

/**
 * Which incident each evidence item and notification obligation with a stream of its own belongs to
 * ({@code incident_record_stream}), written on the command's connection, in the transaction that
 * opens the stream: the routing of later commands and the incident's history read it, and it is
 * never behind the event store. An obligation also claims its incident and authority ({@code
 * claim_key}, unique): the set rule "one obligation per authority and incident" across aggregates.
 * {@code INSERT … ON CONFLICT DO NOTHING} waits for a concurrent claim of the same key to commit or
 * roll back and never aborts the transaction: the loser sees the winner's row and is refused
 * without storing anything. Items and obligations registered before they had streams of their own
 * live in their incident's stream and have no row.
 */
public final class RecordStreams {
  /** The kind of an evidence item's stream. */
  static final String EVIDENCE_ITEM = "EVIDENCE_ITEM";

  /** The kind of a notification obligation's stream. */
  static final String NOTIFICATION_OBLIGATION = "NOTIFICATION_OBLIGATION";

  private final Sql sql;

  public RecordStreams(JdbcTransactions db) {
    this.sql = new Sql(db);
  }

  /**
   * Whether the record {@code streamId} of the incident has a stream of its own; otherwise the
   * incident's stream holds it, if anything does.
   */
  boolean ownStream(String incidentId, String streamId) {
    return sql.exists(
        "SELECT 1 FROM incident_record_stream WHERE stream_id = ? AND incident_id = ?",
        streamId,
        incidentId);
  }

  /**
   * Records the new stream, and its claim when {@code claimKey} is not null; false when the stream
   * or the claim exists already, and then nothing is written.
   */
  boolean open(String streamId, String incidentId, String kind, String claimKey) {
    return sql.update(
            "INSERT INTO incident_record_stream (stream_id, incident_id, kind, claim_key)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            streamId,
            incidentId,
            kind,
            claimKey)
        == 1;
  }

  /** The stream that holds {@code claimKey}, if any. */
  Optional<String> claimant(String claimKey) {
    return sql.one(
        "SELECT stream_id FROM incident_record_stream WHERE claim_key = ?",
        r -> r.getString(1),
        claimKey);
  }
}
