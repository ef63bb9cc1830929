package nl.herstel.incidents.query;

import java.util.function.Consumer;
import nl.herstel.incidents.api.IncidentEvents;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;

/**
 * Tells the live view which incident has new events: every event of the Incident aggregate, of any
 * type, also types added later, and every event of its evidence items and notification obligations
 * (aggregates of their own, whose events name their incident). It keeps no rows; the listener reads
 * the events themselves from the store, so a redelivery after a failed token commit sends nothing
 * twice.
 */
@ProcessingGroup("incident-live-feed")
@DisallowReplay
public class IncidentFeed {
  private final Consumer<String> changed;

  /**
   * @param changed called with the incident's id on the processor's thread; must return quickly
   */
  public IncidentFeed(Consumer<String> changed) {
    this.changed = changed;
  }

  @EventHandler
  void on(Object payload, DomainEventMessage<?> message) {
    if ("Incident".equals(message.getType())) {
      changed.accept(message.getAggregateIdentifier());
    } else if (payload instanceof IncidentEvents.OfIncident record) {
      changed.accept(record.incidentId());
    }
  }
}
