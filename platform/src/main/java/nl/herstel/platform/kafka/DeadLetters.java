package nl.herstel.platform.kafka;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.herstel.platform.jdbc.JdbcTransactions;
import nl.herstel.platform.jdbc.Sql;
import nl.herstel.platform.kafka.DeadLetter.Status;

/** The service's dead letters, in its own database (table {@code dead_letter}). */
public final class DeadLetters {
  private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

  private final Sql sql;

  public DeadLetters(JdbcTransactions transactions) {
    this.sql = new Sql(transactions);
  }

  /** Keeps a record that failed for good; a record already kept stays as it is. */
  void keep(
      String topic,
      int partition,
      long offset,
      String key,
      Map<String, String> headers,
      byte[] payload,
      String error,
      int attempts) {
    sql.update(
        "INSERT INTO dead_letter (id, topic, partition_no, record_offset, record_key, message_id,"
            + " type, headers, payload, error, attempts, failed_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)"
            + " ON CONFLICT (topic, partition_no, record_offset) DO NOTHING",
        UUID.randomUUID(),
        topic,
        partition,
        offset,
        key,
        headers.get(CloudEventHeaders.ID),
        headers.get(CloudEventHeaders.TYPE),
        Sql.json(headers),
        payload,
        error,
        attempts,
        Instant.now());
  }

  /**
   * Dead letters oldest first, optionally of one status, after the one whose sort key is {@code
   * after}; {@code limit + 1} rows, for a page.
   */
  public List<DeadLetter> list(Status status, String after, int limit) {
    StringBuilder where = new StringBuilder("WHERE TRUE");
    List<Object> args = new ArrayList<>();
    if (status != null) {
      where.append(" AND status = ?");
      args.add(status);
    }
    if (after != null) {
      int split = after.indexOf('|');
      where.append(" AND (failed_at, id) > (?::timestamptz, ?::uuid)");
      args.add(after.substring(0, split));
      args.add(after.substring(split + 1));
    }
    args.add(limit + 1);
    return sql.list(
        "SELECT * FROM dead_letter " + where + " ORDER BY failed_at, id LIMIT ?",
        DeadLetters::map,
        args.toArray());
  }

  /** The sort key of a dead letter in {@link #list}, for its cursor. */
  public static String sortKey(DeadLetter letter) {
    return letter.failedAt() + "|" + letter.id();
  }

  public long count(Status status) {
    return sql.one("SELECT count(*) FROM dead_letter WHERE status = ?", r -> r.getLong(1), status)
        .orElse(0L);
  }

  public Optional<DeadLetter> find(UUID id) {
    return sql.one("SELECT * FROM dead_letter WHERE id = ?", DeadLetters::map, id);
  }

  /** The pending dead letter, locked until the transaction ends, if it is still pending. */
  Optional<DeadLetter> lockPending(UUID id) {
    return sql.one(
        "SELECT * FROM dead_letter WHERE id = ? AND status = 'PENDING' FOR UPDATE",
        DeadLetters::map,
        id);
  }

  /** The record's value exactly as it arrived. */
  byte[] payload(UUID id) {
    return sql.one("SELECT payload FROM dead_letter WHERE id = ?", r -> r.getBytes(1), id)
        .orElse(null);
  }

  void settle(UUID id, Status status, String by, String note) {
    sql.update(
        "UPDATE dead_letter SET status = ?, settled_at = ?, settled_by = ?, note = ? WHERE id = ?",
        status,
        Instant.now(),
        by,
        note,
        id);
  }

  void failedAgain(UUID id, String error) {
    sql.update("UPDATE dead_letter SET error = ?, attempts = attempts + 1 WHERE id = ?", error, id);
  }

  private static DeadLetter map(ResultSet r) throws SQLException {
    byte[] payload = r.getBytes("payload");
    return new DeadLetter(
        Sql.uuid(r, "id"),
        r.getString("topic"),
        r.getInt("partition_no"),
        r.getLong("record_offset"),
        r.getString("record_key"),
        r.getString("message_id"),
        r.getString("type"),
        Sql.fromJson(r.getString("headers"), Sql.JSON.getTypeFactory().constructType(HEADERS)),
        payload == null ? null : new String(payload, StandardCharsets.UTF_8),
        r.getString("error"),
        r.getInt("attempts"),
        Sql.instant(r, "failed_at"),
        Status.valueOf(r.getString("status")),
        Sql.instant(r, "settled_at"),
        r.getString("settled_by"),
        r.getString("note"));
  }
}
