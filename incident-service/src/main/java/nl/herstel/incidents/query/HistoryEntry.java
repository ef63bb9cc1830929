package nl.herstel.incidents.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One stored event of an incident with who caused it, under which role, in which conversation: the
 * audit trail (DESIGN.md, "Event sourcing").
 *
 * @param sequence the event's position in the incident's history, from 0: the incident's own stream
 *     merged by time with the streams of its evidence items and notification obligations
 * @param type the event's name, e.g. {@code IncidentOpened}
 * @param occurredAt when it was stored
 * @param principal who caused it, or {@code system:<service>} for another service's event
 * @param role the roles the caller acted under
 * @param correlationId the conversation (request or incoming event) it belongs to
 * @param causationId the message that caused it
 * @param source the system the request came from ({@code rest}, a service)
 * @param data the event's content as stored
 */
public record HistoryEntry(
    long sequence,
    String type,
    Instant occurredAt,
    String principal,
    String role,
    String correlationId,
    String causationId,
    String source,
    JsonNode data) {}
