package nl.herstel.lessons.integration;

import nl.herstel.contracts.bia.RevisionDecided;
import nl.herstel.platform.jdbc.Sql;
import nl.herstel.platform.kafka.IncomingEvent;
import nl.herstel.platform.kafka.IntegrationEventHandler;

/**
 * The fate of lessons' revision proposals: bia-service's decision on the revision each became
 * (accepted or rejected, by whom, when, why), which closes the loop back (DOMAIN.md, "Improve") and
 * tells the management report which lessons changed the BIA. Written inside the consumer's
 * transaction, with the inbox row. Decisions on revisions made by hand name no proposal and are not
 * lessons' business; a revision is decided once, so a second decision for a proposal changes
 * nothing. A decision on a threat's likelihood keeps the threat, which the threat's next assessment
 * reads ({@link ThreatLikelihoods}).
 */
public class RevisionFates implements IntegrationEventHandler<RevisionDecided> {
  private final Sql sql;

  public RevisionFates(Sql sql) {
    this.sql = sql;
  }

  @Override
  public void handle(RevisionDecided event, IncomingEvent envelope) {
    if (event.proposalId() == null) {
      return;
    }
    sql.update(
        "INSERT INTO lessons_revision_fate"
            + " (proposal_id, revision_id, accepted, reason, decided_by, decided_at, threat_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (proposal_id) DO NOTHING",
        event.proposalId(),
        event.revisionId(),
        event.accepted(),
        event.reason(),
        event.decidedBy(),
        event.occurredAt(),
        event.threatId());
  }
}
