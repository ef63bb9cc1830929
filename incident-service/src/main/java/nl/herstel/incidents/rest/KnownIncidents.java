package nl.herstel.incidents.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.function.Supplier;
import nl.herstel.incidents.api.IncidentQueries.IncidentExists;
import nl.herstel.platform.domain.NotFound;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;

/**
 * Answers 404 for what names no incident, before a record is read or a command sent: incident ids
 * are UUIDs, and the event store knows every incident the moment its command committed.
 */
@ApplicationScoped
public class KnownIncidents {
  @Inject QueryGateway queries;

  /** The incident id in canonical form; NotFound unless the event store holds it. */
  String require(String id) {
    String incidentId = canonical(id);
    if (!Boolean.TRUE.equals(queries.query(new IncidentExists(incidentId), Boolean.class).join())) {
      throw new NotFound("Incident", id);
    }
    return incidentId;
  }

  /** The incident id in canonical form; NotFound when it is no UUID. */
  static String canonical(String id) {
    try {
      return UUID.fromString(id).toString();
    } catch (IllegalArgumentException notAUuid) {
      throw new NotFound("Incident", id);
    }
  }

  /**
   * Sends a command to the incident {@code id} names and answers its result; NotFound when no such
   * incident exists (the aggregate cannot be loaded).
   */
  static <T> T send(String id, Supplier<T> dispatch) {
    try {
      return dispatch.get();
    } catch (AggregateNotFoundException unknown) {
      throw new NotFound("Incident", id);
    }
  }
}
