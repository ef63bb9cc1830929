package nl.herstel.lessons.query;

import java.time.Instant;
import nl.herstel.contracts.incidents.Severity;

/**
 * What an evaluation policy asks of an incident: how grave it was, what kind, when it closed,
 * whether a recovery deadline (RTO or MTPD) was breached, and whether it counts on its own (not
 * merged into another, not dismissed as a false positive).
 *
 * @param incidentId the incident
 * @param severity its severity; null when lessons knows it only through a merge
 * @param category its latest category; null while unclassified
 * @param closedAt when it was closed; null while open
 * @param deadlineBreached whether any disrupted process breached its RTO or MTPD deadline
 * @param mergedInto the incident it was merged into; null if not merged
 * @param dismissed whether it is (or was, when closed) dismissed as a false positive
 */
public record IncidentFacts(
    String incidentId,
    Severity severity,
    String category,
    Instant closedAt,
    boolean deadlineBreached,
    String mergedInto,
    boolean dismissed) {}
