package nl.herstel.incidents.query;

import java.time.Instant;
import nl.herstel.incidents.api.Audience;
import nl.herstel.incidents.api.Channel;

/**
 * One logged crisis communication (DOMAIN.md, "Communication and coordination").
 *
 * @param by who logged it (the caller)
 * @param role under which role
 * @param loggedAt when it was logged
 */
public record CommunicationView(
    String communicationId,
    Audience audience,
    Channel channel,
    boolean outOfBand,
    String message,
    Instant sentAt,
    String by,
    String role,
    Instant loggedAt) {}
