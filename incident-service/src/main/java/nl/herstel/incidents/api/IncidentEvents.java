package nl.herstel.incidents.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.herstel.contracts.incidents.Severity;

/** The events of the live incident, as stored in its event store: the incident's audit trail. */
public final class IncidentEvents {
  private IncidentEvents() {}

  /**
   * An incident was opened from a SOC alert. The affected processes carry the deadlines that
   * started with the disruption: recovery within the RTO, and before the MTPD. {@code raw} keeps
   * the alert as the SOC tool sent it (vendor fields our schema has no place for); null for alerts
   * in our own schema and for events stored before it existed.
   */
  public record IncidentOpened(
      String incidentId,
      String source,
      String sourceId,
      String title,
      String description,
      Severity severity,
      Instant disruptedAt,
      List<AssetRef> assets,
      List<String> unresolvedAssets,
      List<AffectedProcess> affectedProcesses,
      JsonNode raw,
      Instant alertUpdatedAt) {}

  /**
   * A known alert came again with newer facts from its source (its {@code alertUpdatedAt} is later
   * than the stored one); an older version that arrives late changes nothing.
   */
  public record IncidentAlertUpdated(
      String incidentId,
      String title,
      String description,
      Severity severity,
      Instant alertUpdatedAt,
      JsonNode raw) {}

  /**
   * A new alert joined the incident: it touched one of its assets within the correlation window.
   * Carries the assets and disrupted processes it adds; deadlines run from the incident's
   * disruption.
   */
  public record AlertCorrelated(
      String incidentId,
      String source,
      String sourceId,
      String title,
      Severity severity,
      Instant detectedAt,
      List<AssetRef> newAssets,
      List<String> newUnresolvedAssets,
      List<AffectedProcess> newAffectedProcesses,
      JsonNode raw) {}

  /** A decision was taken, in the BOB structure; who decided is in the metadata. */
  public record DecisionRecorded(
      String incidentId,
      String decisionId,
      List<String> known,
      List<String> unknown,
      List<String> options,
      List<String> risks,
      String what,
      String rationale,
      String mandate) {}

  /** The incident moved from one state to another, and why; who is in the metadata. */
  public record IncidentTransitioned(
      String incidentId, IncidentStatus from, IncidentStatus to, String reason) {}

  /** The recovery operation ended; each restoration says when a disrupted process was restored. */
  public record IncidentClosed(
      String incidentId, Instant disruptedAt, List<Restoration> restorations, String summary) {}

  /** An asset of the BIA that an alert named. */
  public record AssetRef(String assetId, String name) {}

  /** A process the incident disrupts, with its targets and the deadlines they give. */
  public record AffectedProcess(
      String processId,
      String name,
      Duration rto,
      Duration mtpd,
      Instant rtoDeadline,
      Instant mtpdDeadline) {}

  /** When a disrupted process was restored to an acceptable level. */
  public record Restoration(String processId, Instant restoredAt) {}

  // ---- clocks: recovery deadlines and notification obligations ----

  /**
   * A disrupted process was not restored by its RTO deadline (recovery took longer than allowed) or
   * its MTPD deadline (the outage became critical); DOMAIN.md. Recorded once per process and kind,
   * by the deadline clock, even when nobody touches the incident.
   *
   * @param deadline when the deadline passed
   * @param detectedAt when the clock noticed; later than {@code deadline} when the service was down
   */
  public record RecoveryDeadlineBreached(
      String incidentId,
      String processId,
      RecoveryDeadlineKind kind,
      Instant deadline,
      Instant detectedAt) {}

  /**
   * The incident obliges the organisation to notify an authority: by law (the Data Protection
   * Authority, NCSC) or by policy (police, AIVD); who registered it is in the metadata.
   *
   * @param dueAt when the notification is due; null when no deadline applies
   */
  public record NotificationObligationRegistered(
      String incidentId,
      String obligationId,
      NotificationAuthority authority,
      String legalBasis,
      Instant discoveredAt,
      Instant dueAt) {}

  /**
   * A notification was submitted to its authority; who submitted it is in the metadata.
   *
   * @param late whether it was submitted after its due time
   */
  public record NotificationSubmitted(
      String incidentId,
      String obligationId,
      NotificationAuthority authority,
      Instant submittedAt,
      String reference,
      boolean late) {}

  /** A notification's due time passed while it was not submitted; recorded once, by the clock. */
  public record NotificationOverdue(
      String incidentId,
      String obligationId,
      NotificationAuthority authority,
      Instant dueAt,
      Instant detectedAt) {}
}
