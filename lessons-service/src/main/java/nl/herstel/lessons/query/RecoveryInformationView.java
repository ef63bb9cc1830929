package nl.herstel.lessons.query;

import java.time.Instant;
import java.util.List;
import nl.herstel.contracts.incidents.Severity;

/**
 * The recovery information of one closed incident (DOMAIN.md, "Recovery information"): per restored
 * process the actual recovery time against its RTO and MTPD, and the target revisions proposed.
 * {@code title} and {@code severity} are null when lessons never saw the incident opened.
 */
public record RecoveryInformationView(
    String incidentId,
    String title,
    Severity severity,
    String summary,
    Instant disruptedAt,
    Instant closedAt,
    List<ProcessRecoveryView> processes,
    List<RevisionProposalView> proposals) {}
