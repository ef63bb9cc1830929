package nl.herstel.incidents.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import nl.herstel.incidents.api.IncidentQueries.FindIncidentHistory;
import nl.herstel.incidents.api.IncidentQueries.IncidentExists;
import nl.herstel.incidents.api.IncidentQueries.VerifyIncidentHistory;
import nl.herstel.platform.audit.ChainVerification;
import nl.herstel.platform.audit.EventChain;
import nl.herstel.platform.jdbc.JdbcTransactions;
import nl.herstel.platform.messaging.EventMetadata;
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
 * serializer writes for it, which for an event stored by the current code is the stored JSON. Also
 * verifies the stream's hash chain with the platform's {@link EventChain}.
 */
public class IncidentHistory {
  /** The aggregate type of incident streams, as the event store records it. */
  private static final String INCIDENT = "Incident";

  private final JdbcTransactions db;
  private final Supplier<EventStore> events;
  private final Supplier<Serializer> serializer;

  /**
   * @param events the event store, available once Axon has started
   * @param serializer the event serializer, the same way
   */
  public IncidentHistory(
      JdbcTransactions db, Supplier<EventStore> events, Supplier<Serializer> serializer) {
    this.db = db;
    this.events = events;
    this.serializer = serializer;
  }

  @QueryHandler
  public List<HistoryEntry> history(FindIncidentHistory query) {
    List<HistoryEntry> entries = new ArrayList<>();
    DomainEventStream stream = events.get().readEvents(query.incidentId(), 0);
    while (stream.hasNext()) {
      DomainEventMessage<?> event = stream.next();
      if (!INCIDENT.equals(event.getType())) {
        continue;
      }
      MetaData metadata = event.getMetaData();
      entries.add(
          new HistoryEntry(
              event.getSequenceNumber(),
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

  /** Recomputes the incident stream's hash chain and names the first broken link, if any. */
  @QueryHandler
  public ChainVerification verify(VerifyIncidentHistory query) {
    return new EventChain(db).verify(query.incidentId());
  }

  private static String text(MetaData metadata, String key) {
    Object value = metadata.get(key);
    return value == null ? null : value.toString();
  }
}
