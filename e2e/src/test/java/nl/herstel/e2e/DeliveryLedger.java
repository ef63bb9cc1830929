package nl.herstel.e2e;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import nl.herstel.devstack.EmbeddedPostgresServer;

/**
 * What the services stored and applied, read straight from their databases (a test-only read): the
 * producer's event store (stored once: its domain events counted per aggregate) and each consumer's
 * inbox (the CloudEvent ids it applied, which are the producer's event identifiers).
 */
final class DeliveryLedger {
  private final EmbeddedPostgresServer postgres;

  DeliveryLedger(EmbeddedPostgresServer postgres) {
    this.postgres = postgres;
  }

  /** One stored domain event: its identifier (= the CloudEvent id it is published under). */
  record Stored(String aggregateId, String eventId) {}

  /**
   * The events of class {@code eventSimpleName} (e.g. {@code IncidentOpened}) stored in {@code
   * database} for the given aggregates; an aggregate stored twice appears twice.
   */
  Map<String, Set<String>> storedEvents(
      String database, String eventSimpleName, Collection<String> aggregateIds) {
    Map<String, Set<String>> byAggregate = new HashMap<>();
    query(
        database,
        "SELECT aggregateidentifier, eventidentifier FROM domainevententry"
            + " WHERE payloadtype LIKE ? AND aggregateidentifier = ANY(?)",
        rs ->
            byAggregate.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2)),
        "%$" + eventSimpleName,
        aggregateIds);
    return byAggregate;
  }

  /** Every event identifier in {@code database}'s event store. */
  Set<String> allEventIds(String database) {
    Set<String> ids = new HashSet<>();
    query(database, "SELECT eventidentifier FROM domainevententry", rs -> ids.add(rs.getString(1)));
    return ids;
  }

  /** How often each of {@code messageIds} is in {@code database}'s inbox (0 or 1: its key). */
  Set<String> inInbox(String database, Collection<String> messageIds) {
    Set<String> found = new HashSet<>();
    query(
        database,
        "SELECT message_id FROM inbox_message WHERE message_id = ANY(?)",
        rs -> found.add(rs.getString(1)),
        messageIds);
    return found;
  }

  /** The CloudEvent ids of type {@code ceType} in {@code database}'s inbox. */
  Set<String> inboxOfType(String database, String ceType) {
    Set<String> ids = new HashSet<>();
    query(
        database,
        "SELECT message_id FROM inbox_message WHERE type = ?",
        rs -> ids.add(rs.getString(1)),
        ceType);
    return ids;
  }

  /** How many rows of {@code table} have {@code column} in {@code ids}. */
  long rowsWith(String database, String table, String column, Collection<String> ids) {
    long[] n = new long[1];
    query(
        database,
        "SELECT count(*) FROM " + table + " WHERE " + column + " = ANY(?)",
        rs -> n[0] = rs.getLong(1),
        ids);
    return n[0];
  }

  private interface Row {
    void read(ResultSet rs) throws SQLException;
  }

  private void query(String database, String sql, Row row, Object... parameters) {
    try (Connection c =
            DriverManager.getConnection(
                postgres.jdbcUrl(database), postgres.user(), postgres.password());
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        if (parameters[i] instanceof Collection<?> values) {
          Array array = c.createArrayOf("text", values.toArray());
          ps.setArray(i + 1, array);
        } else {
          ps.setObject(i + 1, parameters[i]);
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          row.read(rs);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(database + ": " + sql + ": " + e.getMessage(), e);
    }
  }
}
