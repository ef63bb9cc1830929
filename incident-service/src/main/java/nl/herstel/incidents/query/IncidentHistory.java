package nl.herstel.incidents.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.herstel.incidents.api.IncidentQueries.FindIncidentHistory;
import nl.herstel.incidents.api.IncidentQueries.IncidentExists;
import nl.herstel.platform.jdbc.DataAccessException;
import nl.herstel.platform.jdbc.JdbcTransactions;
import nl.herstel.platform.messaging.EventMetadata;
import org.axonframework.queryhandling.QueryHandler;

/**
 * An incident's history, read from the event store itself: the store is the audit trail, so the
 * history cannot drift from what happened (DESIGN.md, "Event sourcing").
 */
public class IncidentHistory {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcTransactions db;

  public IncidentHistory(JdbcTransactions db) {
    this.db = db;
  }

  @QueryHandler
  public List<HistoryEntry> history(FindIncidentHistory query) {
    List<HistoryEntry> entries = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT sequencenumber, payloadtype, timestamp, metadata, payload"
                    + " FROM domainevententry WHERE aggregateidentifier = ? AND type = 'Incident'"
                    + " ORDER BY sequencenumber")) {
      s.setString(1, query.incidentId());
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          JsonNode metadata = json(r.getBytes("metadata"));
          entries.add(
              new HistoryEntry(
                  r.getLong("sequencenumber"),
                  eventName(r.getString("payloadtype")),
                  Instant.parse(r.getString("timestamp")),
                  text(metadata, EventMetadata.PRINCIPAL),
                  text(metadata, EventMetadata.ROLE),
                  text(metadata, EventMetadata.CORRELATION_ID),
                  text(metadata, EventMetadata.CAUSATION_ID),
                  text(metadata, EventMetadata.SOURCE),
                  json(r.getBytes("payload"))));
        }
      }
    } catch (SQLException e) {
      throw new DataAccessException("Could not read the incident's history", e);
    }
    return entries;
  }

  /** Read from the event store, so it knows an incident the moment its command committed. */
  @QueryHandler
  public Boolean exists(IncidentExists query) {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT 1 FROM domainevententry WHERE aggregateidentifier = ? AND type = 'Incident'"
                    + " LIMIT 1")) {
      s.setString(1, query.incidentId());
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    } catch (SQLException e) {
      throw new DataAccessException("Could not read the event store", e);
    }
  }

  /** {@code nl.herstel.incidents.api.IncidentEvents$IncidentOpened} becomes IncidentOpened. */
  static String eventName(String payloadType) {
    return payloadType.substring(
        Math.max(payloadType.lastIndexOf('.'), payloadType.lastIndexOf('$')) + 1);
  }

  private static String text(JsonNode metadata, String key) {
    JsonNode value = metadata.get(key);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static JsonNode json(byte[] bytes) {
    if (bytes == null) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw new DataAccessException("A stored event is not JSON", e);
    }
  }
}
