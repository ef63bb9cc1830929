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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.herstel.bia.api.BiaEvents.AssetDependencyAdded;
import nl.herstel.bia.api.BiaEvents.AssetDetailsChanged;
import nl.herstel.bia.api.BiaEvents.AssetIdentifierAdded;
import nl.herstel.bia.api.BiaEvents.AssetIdentifierRemoved;
import nl.herstel.bia.api.BiaEvents.AssetRegistered;
import nl.herstel.bia.api.BiaEvents.AssetRetired;
import nl.herstel.bia.api.BiaEvents.ProcessDependencyAdded;
import nl.herstel.bia.api.BiaEvents.ProcessDependencyRemoved;
import nl.herstel.bia.api.BiaEvents.ProcessDetailsChanged;
import nl.herstel.bia.api.BiaEvents.ProcessRegistered;
import nl.herstel.bia.api.BiaEvents.ProcessRetired;
import nl.herstel.bia.api.BiaEvents.RecoveryTargetsSet;
import nl.herstel.bia.api.BiaEvents.ThreatImpactRated;
import nl.herstel.bia.api.BiaEvents.ThreatLikelihoodRated;
import nl.herstel.bia.api.BiaEvents.ThreatRegistered;
import nl.herstel.bia.api.BiaQueries.AssetsAsOf;
import nl.herstel.bia.api.BiaQueries.DependenciesAsOf;
import nl.herstel.bia.api.BiaQueries.EventHistory;
import nl.herstel.bia.api.BiaQueries.ProcessesAsOf;
import nl.herstel.bia.api.BiaQueries.ThreatsAsOf;
import nl.herstel.bia.query.AssetView.IdentifierView;
import nl.herstel.contracts.bia.NodeKind;
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
    replay(
        "BusinessProcess",
        query.asOf(),
        (aggregateId, type, payload, at, version) -> {
          if (type.endsWith("$ProcessRegistered")) {
            ProcessRegistered e = JSON.readValue(payload, ProcessRegistered.class);
            processes.put(e.processId(), new ProcessState(e, at));
          } else if (type.endsWith("$ProcessDetailsChanged")) {
            ProcessDetailsChanged e = JSON.readValue(payload, ProcessDetailsChanged.class);
            processes.get(e.processId()).details = e;
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
          ProcessState touched = processes.get(aggregateId);
          if (touched != null) {
            touched.version = version;
          }
        });
    return processes.values().stream()
        .map(ProcessState::view)
        .sorted(Comparator.comparing(ProcessView::rto).thenComparing(ProcessView::name))
        .toList();
  }

  /** The assets as they stood at a moment: their events up to then, folded; ordered by name. */
  @QueryHandler
  public List<AssetView> assetsAsOf(AssetsAsOf query) {
    Map<String, AssetView> assets = new LinkedHashMap<>();
    replay(
        "Asset",
        query.asOf(),
        (aggregateId, type, payload, at, version) -> {
          if (type.endsWith("$AssetRegistered")) {
            AssetRegistered e = JSON.readValue(payload, AssetRegistered.class);
            assets.put(
                e.assetId(),
                new AssetView(
                    e.assetId(),
                    e.name(),
                    e.kind(),
                    e.description(),
                    e.owner(),
                    e.supplier(),
                    "ACTIVE",
                    at,
                    null,
                    null,
                    version,
                    List.of()));
          } else if (type.endsWith("$AssetIdentifierAdded")) {
            AssetIdentifierAdded e = JSON.readValue(payload, AssetIdentifierAdded.class);
            AssetView a = assets.get(e.assetId());
            List<IdentifierView> identifiers = new ArrayList<>(a.identifiers());
            identifiers.add(new IdentifierView(e.identifierId(), e.kind(), e.value()));
            assets.put(e.assetId(), a.withIdentifiers(identifiers));
          } else if (type.endsWith("$AssetIdentifierRemoved")) {
            AssetIdentifierRemoved e = JSON.readValue(payload, AssetIdentifierRemoved.class);
            AssetView a = assets.get(e.assetId());
            assets.put(
                e.assetId(),
                a.withIdentifiers(
                    a.identifiers().stream()
                        .filter(i -> !i.id().equals(e.identifierId()))
                        .toList()));
          } else if (type.endsWith("$AssetDetailsChanged")) {
            AssetDetailsChanged e = JSON.readValue(payload, AssetDetailsChanged.class);
            AssetView a = assets.get(e.assetId());
            assets.put(
                e.assetId(),
                new AssetView(
                    a.id(),
                    e.name(),
                    e.kind(),
                    e.description(),
                    e.owner(),
                    e.supplier(),
                    a.status(),
                    a.registeredAt(),
                    a.retiredAt(),
                    a.retirementReason(),
                    version,
                    a.identifiers()));
          } else if (type.endsWith("$AssetRetired")) {
            AssetRetired e = JSON.readValue(payload, AssetRetired.class);
            AssetView a = assets.get(e.assetId());
            assets.put(
                e.assetId(),
                new AssetView(
                    a.id(),
                    a.name(),
                    a.kind(),
                    a.description(),
                    a.owner(),
                    a.supplier(),
                    "RETIRED",
                    a.registeredAt(),
                    at,
                    e.reason(),
                    version,
                    a.identifiers()));
          }
        });
    return assets.values().stream().sorted(Comparator.comparing(AssetView::name)).toList();
  }

  /**
   * The threat catalogue as it stood at a moment, with the likelihoods and impacts rated up to then
   * (process names as the processes were then called).
   */
  @QueryHandler
  public List<ThreatView> threatsAsOf(ThreatsAsOf query) {
    Map<String, String> processNames = new HashMap<>();
    for (ProcessView p : processesAsOf(new ProcessesAsOf(query.asOf()))) {
      processNames.put(p.id(), p.name());
    }
    Map<String, ThreatRegistered> threats = new LinkedHashMap<>();
    Map<String, Integer> likelihoods = new HashMap<>();
    Map<String, Map<String, Integer>> impacts = new HashMap<>();
    replay(
        "Threat",
        query.asOf(),
        (aggregateId, type, payload, at, version) -> {
          if (type.endsWith("$ThreatRegistered")) {
            ThreatRegistered e = JSON.readValue(payload, ThreatRegistered.class);
            threats.put(e.threatId(), e);
            likelihoods.put(e.threatId(), e.likelihood());
          } else if (type.endsWith("$ThreatLikelihoodRated")) {
            ThreatLikelihoodRated e = JSON.readValue(payload, ThreatLikelihoodRated.class);
            likelihoods.put(e.threatId(), e.likelihood());
          } else if (type.endsWith("$ThreatImpactRated")) {
            ThreatImpactRated e = JSON.readValue(payload, ThreatImpactRated.class);
            impacts
                .computeIfAbsent(e.threatId(), k -> new LinkedHashMap<>())
                .put(e.processId(), e.impact());
          }
        });
    List<ThreatView> views = new ArrayList<>();
    for (ThreatRegistered t : threats.values()) {
      int likelihood = likelihoods.get(t.threatId());
      List<ThreatView.Risk> risks = new ArrayList<>();
      impacts
          .getOrDefault(t.threatId(), Map.of())
          .forEach(
              (process, impact) ->
                  risks.add(
                      new ThreatView.Risk(
                          process, processNames.get(process), impact, impact * likelihood)));
      risks.sort(
          Comparator.comparingInt(ThreatView.Risk::impact)
              .reversed()
              .thenComparing(r -> r.processName() == null ? "" : r.processName()));
      views.add(new ThreatView(t.threatId(), t.name(), t.description(), likelihood, risks));
    }
    views.sort(Comparator.comparing(ThreatView::name));
    return views;
  }

  /** Every dependency as it stood at a moment, in the order they were added. */
  @QueryHandler
  public List<DependencyView> dependenciesAsOf(DependenciesAsOf query) {
    Map<String, DependencyView> dependencies = new LinkedHashMap<>();
    Replayed dependencyEvents =
        (aggregateId, type, payload, at, version) -> {
          if (type.endsWith("$ProcessDependencyAdded")) {
            ProcessDependencyAdded e = JSON.readValue(payload, ProcessDependencyAdded.class);
            dependencies.put(
                e.dependencyId(),
                new DependencyView(
                    e.dependencyId(),
                    e.processId(),
                    NodeKind.PROCESS,
                    e.toId(),
                    e.toKind(),
                    e.alternativeGroup(),
                    at));
          } else if (type.endsWith("$AssetDependencyAdded")) {
            AssetDependencyAdded e = JSON.readValue(payload, AssetDependencyAdded.class);
            dependencies.put(
                e.dependencyId(),
                new DependencyView(
                    e.dependencyId(),
                    e.assetId(),
                    NodeKind.ASSET,
                    e.toId(),
                    e.toKind(),
                    e.alternativeGroup(),
                    at));
          } else if (type.endsWith("DependencyRemoved")) {
            dependencies.remove(JSON.readTree(payload).path("dependencyId").asText());
          }
        };
    replay("BusinessProcess", query.asOf(), dependencyEvents);
    replay("Asset", query.asOf(), dependencyEvents);
    return dependencies.values().stream()
        .sorted(Comparator.comparing(DependencyView::addedAt).thenComparing(DependencyView::id))
        .toList();
  }

  /** One stored event of a replay: its aggregate, payload type, payload, time and version. */
  @FunctionalInterface
  private interface Replayed {
    void apply(String aggregateId, String type, byte[] payload, Instant at, long version)
        throws IOException;
  }

  /** Feeds every event of one aggregate type stored up to {@code asOf}, in order. */
  private void replay(String aggregateType, Instant asOf, Replayed handler) {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT aggregateidentifier, sequencenumber, payloadtype, timestamp, payload"
                    + " FROM domainevententry WHERE type = ? ORDER BY globalindex")) {
      s.setString(1, aggregateType);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          Instant at = Instant.parse(r.getString("timestamp"));
          if (!at.isAfter(asOf)) {
            handler.apply(
                r.getString("aggregateidentifier"),
                r.getString("payloadtype"),
                r.getBytes("payload"),
                at,
                r.getLong("sequencenumber"));
          }
        }
      }
    } catch (SQLException | IOException e) {
      throw new DataAccessException(
          "Could not replay the " + aggregateType + " events up to " + asOf, e);
    }
  }

  /** A process being replayed. */
  private static final class ProcessState {
    final ProcessRegistered registered;
    final Instant registeredAt;
    final Map<String, String> dependencies = new LinkedHashMap<>();
    ProcessDetailsChanged details;
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
      details =
          new ProcessDetailsChanged(
              registered.processId(),
              registered.name(),
              registered.description(),
              registered.critical(),
              registered.crownJewel(),
              registered.owner());
      mtpd = registered.mtpd();
      rto = registered.rto();
      rpo = registered.rpo();
    }

    ProcessView view() {
      return new ProcessView(
          registered.processId(),
          details.name(),
          details.description(),
          details.critical(),
          details.crownJewel(),
          details.owner(),
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
