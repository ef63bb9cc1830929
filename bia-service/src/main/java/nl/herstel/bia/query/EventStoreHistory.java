package nl.herstel.bia.query;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.herstel.bia.api.BiaEvents.ProcessDependencyAdded;
import nl.herstel.bia.api.BiaEvents.ProcessDependencyRemoved;
import nl.herstel.bia.api.BiaEvents.ProcessRegistered;
import nl.herstel.bia.api.BiaEvents.ProcessRetired;
import nl.herstel.bia.api.BiaEvents.RecoveryTargetsSet;
import nl.herstel.bia.api.BiaQueries.EventHistory;
import nl.herstel.bia.api.BiaQueries.ProcessesAsOf;
import nl.herstel.platform.jdbc.DataAccessException;
import nl.herstel.platform.jdbc.JdbcTransactions;
import org.axonframework.queryhandling.QueryHandler;

/**
 * History and time travel straight from the event store: every event of a process or asset with who
 * did it and when, and the processes as they stood at a given moment (their events up to then,
 * folded).
 */
public class EventStoreHistory {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final JdbcTransactions db;

  public EventStoreHistory(JdbcTransactions db) {
    this.db = db;
  }

  /** One stored event: its type (e.g. RecoveryTargetsSet), who, under which role, when, what. */
  public record HistoryEntry(
      long version, String type, Instant at, String principal, String role, JsonNode data) {}

  @QueryHandler
  public List<HistoryEntry> history(EventHistory query) {
    List<HistoryEntry> entries = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT sequencenumber, payloadtype, timestamp, metadata, payload"
                    + " FROM domainevententry WHERE aggregateidentifier = ?"
                    + " ORDER BY sequencenumber")) {
      s.setString(1, query.id());
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          JsonNode metadata = JSON.readTree(r.getBytes("metadata"));
          String type = r.getString("payloadtype");
          entries.add(
              new HistoryEntry(
                  r.getLong("sequencenumber"),
                  type.substring(type.lastIndexOf('$') + 1),
                  Instant.parse(r.getString("timestamp")),
                  metadata.path("principal").asText(null),
                  metadata.path("role").asText(null),
                  JSON.readTree(r.getBytes("payload"))));
        }
      }
    } catch (SQLException | IOException e) {
      throw new DataAccessException("Could not read the history of " + query.id(), e);
    }
    return entries;
  }

  @QueryHandler
  public List<ProcessView> processesAsOf(ProcessesAsOf query) {
    Map<String, ProcessState> processes = new LinkedHashMap<>();
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT aggregateidentifier, sequencenumber, payloadtype, timestamp, payload"
                    + " FROM domainevententry"
                    + " WHERE type = 'BusinessProcess' ORDER BY globalindex")) {
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          Instant at = Instant.parse(r.getString("timestamp"));
          if (at.isAfter(query.asOf())) {
            continue;
          }
          String type = r.getString("payloadtype");
          byte[] payload = r.getBytes("payload");
          long version = r.getLong("sequencenumber");
          if (type.endsWith("$ProcessRegistered")) {
            ProcessRegistered e = JSON.readValue(payload, ProcessRegistered.class);
            processes.put(e.processId(), new ProcessState(e, at));
          } else if (type.endsWith("$RecoveryTargetsSet")) {
            RecoveryTargetsSet e = JSON.readValue(payload, RecoveryTargetsSet.class);
            ProcessState p = processes.get(e.processId());
            p.mtpd = e.mtpd();
            p.rto = e.rto();
            p.rpo = e.rpo();
          } else if (type.endsWith("$ProcessRetired")) {
            ProcessRetired e = JSON.readValue(payload, ProcessRetired.class);
            ProcessState p = processes.get(e.processId());
            p.status = "RETIRED";
            p.retiredAt = at;
            p.retirementReason = e.reason();
          } else if (type.endsWith("$ProcessDependencyAdded")) {
            ProcessDependencyAdded e = JSON.readValue(payload, ProcessDependencyAdded.class);
            processes.get(e.processId()).dependencies.put(e.dependencyId(), e.toId());
          } else if (type.endsWith("$ProcessDependencyRemoved")) {
            ProcessDependencyRemoved e = JSON.readValue(payload, ProcessDependencyRemoved.class);
            processes.get(e.processId()).dependencies.remove(e.dependencyId());
          }
          ProcessState touched = processes.get(r.getString("aggregateidentifier"));
          if (touched != null) {
            touched.version = version;
          }
        }
      }
    } catch (SQLException | IOException e) {
      throw new DataAccessException("Could not replay the BIA up to " + query.asOf(), e);
    }
    return processes.values().stream()
        .map(ProcessState::view)
        .sorted(Comparator.comparing(ProcessView::rto).thenComparing(ProcessView::name))
        .toList();
  }

  /** A process being replayed. */
  private static final class ProcessState {
    final ProcessRegistered registered;
    final Instant registeredAt;
    final Map<String, String> dependencies = new LinkedHashMap<>();
    Duration mtpd;
    Duration rto;
    Duration rpo;
    String status = "ACTIVE";
    Instant retiredAt;
    String retirementReason;
    long version;

    ProcessState(ProcessRegistered registered, Instant at) {
      this.registered = registered;
      this.registeredAt = at;
      mtpd = registered.mtpd();
      rto = registered.rto();
      rpo = registered.rpo();
    }

    ProcessView view() {
      return new ProcessView(
          registered.processId(),
          registered.name(),
          registered.description(),
          registered.critical(),
          registered.crownJewel(),
          registered.owner(),
          mtpd,
          rto,
          rpo,
          status,
          registeredAt,
          List.copyOf(dependencies.values()),
          version,
          retiredAt,
          retirementReason);
    }
  }
}
