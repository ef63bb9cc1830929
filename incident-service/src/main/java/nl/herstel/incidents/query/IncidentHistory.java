package nl.herstel.incidents.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import nl.herstel.incidents.api.IncidentQueries.FindIncidentHistory;
import nl.herstel.incidents.api.IncidentQueries.IncidentExists;
import nl.herstel.incidents.api.IncidentQueries.IncidentHistoryPage;
import nl.herstel.incidents.api.IncidentQueries.VerifyIncidentHistory;
import nl.herstel.platform.audit.ChainVerification;
import nl.herstel.platform.audit.EventChain;
import nl.herstel.platform.jdbc.JdbcTransactions;
import nl.herstel.platform.jdbc.Sql;
import nl.herstel.platform.messaging.EventMetadata;
import nl.herstel.platform.rest.Page;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Serializer;

/**
 * An incident's history, read from the event store itself through Axon (so the configured
 * serializer and any upcaster apply): the store is the audit trail, so the history cannot drift
 * from what happened (DESIGN.md, "Event sourcing"). Each event's content is what the event
 * serializer writes for it, which for an event stored by the current code is the stored JSON.
 *
 * <p>The incident's evidence items and notification obligations are aggregates of their own, each
 * with its stream ({@code incident_record_stream} names them, written with the stream): their
 * events belong to the incident's history too, merged with the incident's own by the time they were
 * stored, and numbered by their position in that history. Also verifies the hash chain of the
 * incident's stream and of each of its records' streams with the platform's {@link EventChain}:
 * each stream is its own chain, so the answer names the first stream with a broken link.
 */
public class IncidentHistory {
  /** The aggregate type of incident streams, as the event store records it. */
  private static final String INCIDENT = "Incident";

  private final JdbcTransactions db;
  private final Sql sql;
  private final Supplier<EventStore> events;
  private final Supplier<Serializer> serializer;

  /**
   * @param events the event store, available once Axon has started
   * @param serializer the event serializer, the same way
   */
  public IncidentHistory(
      JdbcTransactions db, Supplier<EventStore> events, Supplier<Serializer> serializer) {
    this.db = db;
    this.sql = new Sql(db);
    this.events = events;
    this.serializer = serializer;
  }

  @QueryHandler
  public List<HistoryEntry> page(IncidentHistoryPage query) {
    return Page.window(
        history(new FindIncidentHistory(query.incidentId())), query.after(), query.limit());
  }

  @QueryHandler
  public List<HistoryEntry> history(FindIncidentHistory query) {
    List<DomainEventMessage<?>> stored = new ArrayList<>();
    DomainEventStream stream = events.get().readEvents(query.incidentId(), 0);
    if (!stream.hasNext() || !INCIDENT.equals(stream.peek().getType())) {
      return List.of();
    }
    stream.forEachRemaining(stored::add);
    for (String record : recordStreams(query.incidentId())) {
      events.get().readEvents(record, 0).forEachRemaining(stored::add);
    }
    stored.sort(Comparator.comparing(DomainEventMessage::getTimestamp));
    List<HistoryEntry> entries = new ArrayList<>(stored.size());
    for (DomainEventMessage<?> event : stored) {
      MetaData metadata = event.getMetaData();
      entries.add(
          new HistoryEntry(
              entries.size(),
              event.getPayloadType().getSimpleName(),
              event.getTimestamp(),
              text(metadata, EventMetadata.PRINCIPAL),
              text(metadata, EventMetadata.ROLE),
              text(metadata, EventMetadata.CORRELATION_ID),
              text(metadata, EventMetadata.CAUSATION_ID),
              text(metadata, EventMetadata.SOURCE),
              serializer.get().serialize(event.getPayload(), JsonNode.class).getData()));
    }
    return entries;
  }

  /**
   * Read from the event store, so it knows an incident the moment its command committed; a stream
   * of another aggregate type under the same id is no incident.
   */
  @QueryHandler
  public Boolean exists(IncidentExists query) {
    DomainEventStream stream = events.get().readEvents(query.incidentId(), 0);
    return stream.hasNext() && INCIDENT.equals(stream.peek().getType());
  }

  /**
   * Recomputes the hash chain of the incident's stream, then of each of its records' streams, and
   * names the first broken link, if any: the answer's {@code aggregateId} is the stream it is in.
   * When every chain holds, it names the incident and counts the events of all streams.
   */
  @QueryHandler
  public ChainVerification verify(VerifyIncidentHistory query) {
    EventChain chain = new EventChain(db);
    ChainVerification incident = chain.verify(query.incidentId());
    if (!incident.intact() || incident.eventsChecked() == 0) {
      return incident;
    }
    long checked = incident.eventsChecked();
    for (String record : recordStreams(query.incidentId())) {
      ChainVerification verification = chain.verify(record);
      if (!verification.intact()) {
        return verification;
      }
      checked += verification.eventsChecked();
    }
    return new ChainVerification(query.incidentId(), true, checked, null, null, null);
  }

  /** The streams of the incident's evidence items and notification obligations. */
  private List<String> recordStreams(String incidentId) {
    return sql.list(
        "SELECT stream_id FROM incident_record_stream WHERE incident_id = ? ORDER BY stream_id",
        r -> r.getString(1),
        incidentId);
  }

  private static String text(MetaData metadata, String key) {
    Object value = metadata.get(key);
    return value == null ? null : value.toString();
  }
}
