package nl.herstel.platform.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import nl.herstel.platform.jdbc.DataAccessException;
import nl.herstel.platform.jdbc.JdbcTransactions;

/**
 * Verifies the hash chain of one event stream (one aggregate): each stored event's hash must be the
 * SHA-256 over the previous event's hash and its own content, exactly as the database trigger of
 * migration V2 computed it when the event was appended. Any edit of a stored row, a deleted event
 * or a reordered stream breaks a link, and the first broken link is named.
 */
public final class EventChain {
  private static final byte[] SEPARATOR = {0};

  private final JdbcTransactions db;

  public EventChain(JdbcTransactions db) {
    this.db = db;
  }

  /** Checks every event of {@code aggregateId} in sequence order. */
  public ChainVerification verify(String aggregateId) {
    byte[] previous = null;
    long expectedSequence = 0;
    long checked = 0;
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT aggregateidentifier, sequencenumber, eventidentifier, payloadtype,"
                    + " payloadrevision, timestamp, payload, metadata, hash"
                    + " FROM domainevententry WHERE aggregateidentifier = ?"
                    + " ORDER BY sequencenumber")) {
      s.setString(1, aggregateId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          long sequence = r.getLong("sequencenumber");
          String eventId = r.getString("eventidentifier");
          if (sequence != expectedSequence) {
            return ChainVerification.broken(
                aggregateId,
                checked,
                sequence,
                eventId,
                "expected sequence " + expectedSequence + ": an event is missing");
          }
          byte[] stored = r.getBytes("hash");
          byte[] computed = hash(previous, r);
          if (stored == null) {
            return ChainVerification.broken(
                aggregateId, checked, sequence, eventId, "the event carries no hash");
          }
          if (!MessageDigest.isEqual(stored, computed)) {
            return ChainVerification.broken(
                aggregateId,
                checked,
                sequence,
                eventId,
                "stored hash "
                    + HexFormat.of().formatHex(stored)
                    + " does not match the content ("
                    + HexFormat.of().formatHex(computed)
                    + ")");
          }
          previous = stored;
          expectedSequence++;
          checked++;
        }
      }
    } catch (SQLException e) {
      throw new DataAccessException("Could not read the event stream of " + aggregateId, e);
    }
    return ChainVerification.intact(aggregateId, checked);
  }

  /** The trigger's function, in Java: SHA-256 over the previous hash and the row's content. */
  static byte[] hash(byte[] previous, ResultSet row) throws SQLException {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    if (previous != null) {
      content.writeBytes(previous);
    }
    text(content, row.getString("aggregateidentifier"));
    text(content, Long.toString(row.getLong("sequencenumber")));
    text(content, row.getString("eventidentifier"));
    text(content, row.getString("payloadtype"));
    String revision = row.getString("payloadrevision");
    text(content, revision == null ? "" : revision);
    text(content, row.getString("timestamp"));
    content.writeBytes(row.getBytes("payload"));
    content.writeBytes(SEPARATOR);
    byte[] metadata = row.getBytes("metadata");
    if (metadata != null) {
      content.writeBytes(metadata);
    }
    return sha256(content.toByteArray());
  }

  private static void text(ByteArrayOutputStream out, String value) {
    out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(SEPARATOR);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
