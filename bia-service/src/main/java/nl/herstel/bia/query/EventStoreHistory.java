package nl.herstel.bia.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import nl.herstel.bia.api.BiaEvents.AssetDependencyAdded;
import nl.herstel.bia.api.BiaEvents.AssetDependencyRemoved;
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
import nl.herstel.bia.api.BiaQueries;
import nl.herstel.bia.api.BiaQueries.AssetsAsOf;
import nl.herstel.bia.api.BiaQueries.DependenciesAsOf;
import nl.herstel.bia.api.BiaQueries.EventHistory;
import nl.herstel.bia.api.BiaQueries.ProcessesAsOf;
import nl.herstel.bia.api.BiaQueries.ThreatsAsOf;
import nl.herstel.bia.query.AssetView.IdentifierView;
import nl.herstel.contracts.bia.NodeKind;
import nl.herstel.platform.axon.AxonRuntime;
import nl.herstel.platform.rest.Page;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;

/**
 * History and time travel straight from the event store: every event of a process or asset with who
 * did it and when, and the processes as they stood at a given moment (their events up to then,
 * folded). Events are read through Axon's event store, so the configured serializer and any
 * upcaster apply; a stored event is shown as the JSON its current class serializes to.
 */
public class EventStoreHistory {
  /** The JSON form of stored events: the event store's own mapper. */
  private static final ObjectMapper JSON = AxonRuntime.objectMapper();

  private final Supplier<EventStore> events;

  public EventStoreHistory(Supplier<EventStore> events) {
    this.events = events;
  }

  /** One stored event: its type (e.g. RecoveryTargetsSet), who, under which role, when, what. */
  public record HistoryEntry(
      long version, String type, Instant at, String principal, String role, JsonNode data) {}

  @QueryHandler
  public List<HistoryEntry> history(EventHistory query) {
    List<HistoryEntry> entries = new ArrayList<>();
    long from =
        query.after() == null ? 0L : Page.parse(query.after(), 1, k -> Long.parseLong(k[0])) + 1;
    if (from < 0) {
      return entries;
    }
    DomainEventStream stream = events.get().readEvents(query.id(), from);
    while (stream.hasNext() && entries.size() <= query.limit()) {
      DomainEventMessage<?> event = stream.next();
      entries.add(
          new HistoryEntry(
              event.getSequenceNumber(),
              event.getPayloadType().getSimpleName(),
              event.getTimestamp(),
              text(event.getMetaData().get("principal")),
              text(event.getMetaData().get("role")),
              JSON.valueToTree(event.getPayload())));
    }
    return entries;
  }

  private static String text(Object value) {
    return value == null ? null : Objects.toString(value);
  }

  @QueryHandler
  public List<ProcessView> processesAsOf(ProcessesAsOf query) {
    Map<String, ProcessState> processes = new LinkedHashMap<>();
    replay(
        "BusinessProcess",
        query.asOf(),
        (aggregateId, payload, at, version) -> {
          if (payload instanceof ProcessRegistered e) {
            processes.put(e.processId(), new ProcessState(e, at));
          } else if (payload instanceof ProcessDetailsChanged e) {
            processes.get(e.processId()).details = e;
          } else if (payload instanceof RecoveryTargetsSet e) {
            ProcessState p = processes.get(e.processId());
            p.mtpd = e.mtpd();
            p.rto = e.rto();
            p.rpo = e.rpo();
          } else if (payload instanceof ProcessRetired e) {
            ProcessState p = processes.get(e.processId());
            p.status = "RETIRED";
            p.retiredAt = at;
            p.retirementReason = e.reason();
          } else if (payload instanceof ProcessDependencyAdded e) {
            processes.get(e.processId()).dependencies.put(e.dependencyId(), e.toId());
          } else if (payload instanceof ProcessDependencyRemoved e) {
            processes.get(e.processId()).dependencies.remove(e.dependencyId());
          }
          ProcessState touched = processes.get(aggregateId);
          if (touched != null) {
            touched.version = version;
          }
        });
    return Page.window(
        processes.values().stream()
            .map(ProcessState::view)
            .sorted(Comparator.comparing(ProcessView::rto).thenComparing(ProcessView::name))
            .toList(),
        query.after(),
        query.limit());
  }

  /** The assets as they stood at a moment: their events up to then, folded; ordered by name. */
  @QueryHandler
  public List<AssetView> assetsAsOf(AssetsAsOf query) {
    Map<String, AssetView> assets = new LinkedHashMap<>();
    replay(
        "Asset",
        query.asOf(),
        (aggregateId, payload, at, version) -> {
          if (payload instanceof AssetRegistered e) {
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
          } else if (payload instanceof AssetIdentifierAdded e) {
            AssetView a = assets.get(e.assetId());
            List<IdentifierView> identifiers = new ArrayList<>(a.identifiers());
            identifiers.add(new IdentifierView(e.identifierId(), e.kind(), e.value()));
            assets.put(e.assetId(), a.withIdentifiers(identifiers));
          } else if (payload instanceof AssetIdentifierRemoved e) {
            AssetView a = assets.get(e.assetId());
            assets.put(
                e.assetId(),
                a.withIdentifiers(
                    a.identifiers().stream()
                        .filter(i -> !i.id().equals(e.identifierId()))
                        .toList()));
          } else if (payload instanceof AssetDetailsChanged e) {
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
          } else if (payload instanceof AssetRetired e) {
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
    return Page.window(
        assets.values().stream().sorted(Comparator.comparing(AssetView::name)).toList(),
        query.after(),
        query.limit());
  }

  /**
   * The threat catalogue as it stood at a moment, with the likelihoods and impacts rated up to then
   * (process names as the processes were then called).
   */
  @QueryHandler
  public List<ThreatView> threatsAsOf(ThreatsAsOf query) {
    Map<String, String> processNames = new HashMap<>();
    for (ProcessView p : processesAsOf(new ProcessesAsOf(query.asOf(), null, BiaQueries.ALL))) {
      processNames.put(p.id(), p.name());
    }
    Map<String, ThreatRegistered> threats = new LinkedHashMap<>();
    Map<String, Integer> likelihoods = new HashMap<>();
    Map<String, Map<String, Integer>> impacts = new HashMap<>();
    replay(
        "Threat",
        query.asOf(),
        (aggregateId, payload, at, version) -> {
          if (payload instanceof ThreatRegistered e) {
            threats.put(e.threatId(), e);
            likelihoods.put(e.threatId(), e.likelihood());
          } else if (payload instanceof ThreatLikelihoodRated e) {
            likelihoods.put(e.threatId(), e.likelihood());
          } else if (payload instanceof ThreatImpactRated e) {
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
    return Page.window(views, query.after(), query.limit());
  }

  /** Every dependency as it stood at a moment, in the order they were added. */
  @QueryHandler
  public List<DependencyView> dependenciesAsOf(DependenciesAsOf query) {
    Map<String, DependencyView> dependencies = new LinkedHashMap<>();
    Replayed dependencyEvents =
        (aggregateId, payload, at, version) -> {
          if (payload instanceof ProcessDependencyAdded e) {
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
          } else if (payload instanceof AssetDependencyAdded e) {
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
          } else if (payload instanceof ProcessDependencyRemoved e) {
            dependencies.remove(e.dependencyId());
          } else if (payload instanceof AssetDependencyRemoved e) {
            dependencies.remove(e.dependencyId());
          }
        };
    replay("BusinessProcess", query.asOf(), dependencyEvents);
    replay("Asset", query.asOf(), dependencyEvents);
    return dependencies.values().stream()
        .sorted(Comparator.comparing(DependencyView::addedAt).thenComparing(DependencyView::id))
        .toList();
  }

  /** One stored event of a replay: its aggregate, payload, time and version. */
  @FunctionalInterface
  private interface Replayed {
    void apply(String aggregateId, Object payload, Instant at, long version);
  }

  /**
   * Feeds every event of one aggregate type stored up to {@code asOf}, in the order of the store,
   * read from the start of the event store.
   */
  private void replay(String aggregateType, Instant asOf, Replayed handler) {
    try (BlockingStream<TrackedEventMessage<?>> stream = events.get().openStream(null)) {
      while (stream.hasNextAvailable()) {
        TrackedEventMessage<?> event = stream.nextAvailable();
        if (event instanceof DomainEventMessage<?> stored
            && aggregateType.equals(stored.getType())
            && !stored.getTimestamp().isAfter(asOf)) {
          handler.apply(
              stored.getAggregateIdentifier(),
              stored.getPayload(),
              stored.getTimestamp(),
              stored.getSequenceNumber());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "Interrupted while replaying the " + aggregateType + " events up to " + asOf, e);
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
