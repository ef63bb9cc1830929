package nl.herstel.incidents.query;

import java.time.Instant;

/**
 * One line of an incident's timeline.
 *
 * @param sequence the event's position in the incident's history (see {@link HistoryEntry})
 * @param at when it was recorded
 * @param type the event's name, e.g. {@code CommunicationLogged}
 * @param summary what happened, in one line
 * @param by who caused it ({@code system:<service>} for another service's event)
 * @param role under which role
 */
public record TimelineEntry(
    long sequence, Instant at, String type, String summary, String by, String role) {}
