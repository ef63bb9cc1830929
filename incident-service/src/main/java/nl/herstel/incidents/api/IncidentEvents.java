package nl.herstel.incidents.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.herstel.contracts.incidents.Severity;
import org.axonframework.serialization.Revision;

/** The events of the live incident, as stored in its event store: the incident's audit trail. */
public final class IncidentEvents {
  private IncidentEvents() {}

  /**
   * An event of an incident's record that is an aggregate of its own (an evidence item, a
   * notification obligation): it names the incident it belongs to, whichever stream holds it.
   */
  public interface OfIncident {
    String incidentId();
  }

  /**
   * An incident was opened from a SOC alert. The affected processes carry the deadlines that
   * started with the disruption: recovery within the RTO, and before the MTPD. {@code raw} keeps
   * the alert as the SOC tool sent it (vendor fields our schema has no place for); null for alerts
   * in our own schema. Events stored before {@code raw}, {@code alertUpdatedAt} and {@code
   * correlationKey} existed are read with no raw alert, the disruption as the time of the alert's
   * facts and no correlation key ({@code IncidentLayouts}).
   */
  @Revision("1")
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
      Instant alertUpdatedAt,
      String correlationKey) {}

  /**
   * A known alert came again with newer facts from its source (its {@code alertUpdatedAt} is later
   * than the stored one); an older version that arrives late changes nothing.
   */
  @Revision("1")
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
  @Revision("1")
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
      JsonNode raw,
      String correlationKey,
      List<String> alertUnresolvedAssets) {}

  /**
   * A hint the incident's alerts named, that no asset matched then, names a BIA asset now (the BIA
   * learned the asset or identifier, or a commander mapped it). The processes it disrupts join an
   * open incident with deadlines counted from the original disruption, so a deadline may have
   * passed already; a closed, dismissed or merged incident only records which asset it was.
   */
  @Revision("1")
  public record UnresolvedAssetResolved(
      String incidentId, String hint, AssetRef asset, List<AffectedProcess> newAffectedProcesses) {}

  /**
   * An incident commander mapped an unresolved hint to a BIA asset (who is in the metadata).
   * Published as {@code AssetHintMapped}: bia-service adds the identifier, and once it publishes
   * it, every incident that named the hint resolves it.
   */
  @Revision("1")
  public record AssetHintMapped(
      String mappingId,
      String hint,
      String assetId,
      nl.herstel.contracts.bia.IdentifierKind kind,
      String value) {}

  /** A decision was taken, in the BOB structure; who decided is in the metadata. */
  @Revision("1")
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
  @Revision("1")
  public record IncidentTransitioned(
      String incidentId, IncidentStatus from, IncidentStatus to, String reason) {}

  /**
   * The recovery operation ended; each restoration says when a disrupted process was restored.
   * {@code category} and {@code activatedPlans} were added later: events stored before they existed
   * load with no category and no plans ({@code category} is also null when the incident was never
   * classified).
   */
  @Revision("1")
  public record IncidentClosed(
      String incidentId,
      Instant disruptedAt,
      List<Restoration> restorations,
      String summary,
      IncidentCategory category,
      List<ActivatedPlan> activatedPlans) {
    public IncidentClosed {
      activatedPlans = activatedPlans == null ? List.of() : List.copyOf(activatedPlans);
    }
  }

  /** A recovery plan activated during the incident, and the scenario card followed (or null). */
  public record ActivatedPlan(String planId, int planVersion, String scenarioCardId) {}

  /** An asset of the BIA that an alert named. */
  public record AssetRef(String assetId, String name) {}

  /**
   * A process the incident disrupts, with its targets and the deadlines they give. {@code rpo} (how
   * much data, counted back from the disruption, may be lost) was added later: null in events
   * stored before it existed and when the BIA set none.
   */
  public record AffectedProcess(
      String processId,
      String name,
      Duration rto,
      Duration mtpd,
      Instant rtoDeadline,
      Instant mtpdDeadline,
      Duration rpo) {
    /** A process whose RPO is unknown here. */
    public AffectedProcess(
        String processId,
        String name,
        Duration rto,
        Duration mtpd,
        Instant rtoDeadline,
        Instant mtpdDeadline) {
      this(processId, name, rto, mtpd, rtoDeadline, mtpdDeadline, null);
    }
  }

  /**
   * When a disrupted process was restored to an acceptable level. {@code dataRestoredTo} (the point
   * its data was restored to) and {@code rpo} (the RPO that applied) were added later: null in
   * events stored before they existed, and when unknown.
   */
  public record Restoration(
      String processId, Instant restoredAt, Instant dataRestoredTo, Duration rpo) {
    /** A restoration without a recovery point. */
    public Restoration(String processId, Instant restoredAt) {
      this(processId, restoredAt, null, null);
    }
  }

  // ---- records: communications, evidence custody, restorations and costs ----

  /**
   * A crisis communication went out (DOMAIN.md, "Communication and coordination"); who sent it is
   * in the metadata.
   *
   * @param outOfBand whether it avoided the possibly compromised infrastructure
   */
  @Revision("1")
  public record CommunicationLogged(
      String incidentId,
      String communicationId,
      Audience audience,
      Channel channel,
      boolean outOfBand,
      String message,
      Instant sentAt) {}

  /**
   * An item of evidence entered custody: its SHA-256 (lower-case hex) as collected, by whom, when
   * and where it is kept. Its first custodian is {@code collectedBy}.
   */
  @Revision("1")
  public record EvidenceRegistered(
      String incidentId,
      String itemId,
      String sha256,
      String description,
      String collectedBy,
      Instant collectedAt,
      String storageLocation)
      implements OfIncident {}

  /** An item of evidence passed from its custodian to another, and why. */
  @Revision("1")
  public record EvidenceTransferred(
      String incidentId, String itemId, String from, String to, Instant at, String reason)
      implements OfIncident {}

  /**
   * An item's hash was computed again. A mismatch is recorded, not refused: that the evidence
   * changed is itself a fact the audit trail must keep.
   */
  @Revision("1")
  public record EvidenceVerified(
      String incidentId,
      String itemId,
      String expectedSha256,
      String observedSha256,
      boolean matches,
      Instant verifiedAt)
      implements OfIncident {}

  /**
   * A disrupted process was restored during recovery, with the data restored to a point in time.
   * Actual recovery time is {@code restoredAt - disruptedAt} against the RTO; actual data loss is
   * {@code disruptedAt - dataRestoredTo} against the RPO (DOMAIN.md). {@code rto} and {@code rpo}
   * are the incident's copy of the targets; {@code rpo} is null when unknown, and so is {@code
   * rpoMet}.
   */
  @Revision("1")
  public record ProcessRestored(
      String incidentId,
      String processId,
      Instant disruptedAt,
      Instant restoredAt,
      Instant dataRestoredTo,
      Duration recoveryTime,
      Duration dataLoss,
      Duration rto,
      Duration rpo,
      Boolean rtoMet,
      Boolean rpoMet) {}

  /** A cost the incident caused, in {@code currency} (ISO 4217), for the evaluation. */
  @Revision("1")
  public record CostRecorded(
      String incidentId,
      String costId,
      CostKind kind,
      BigDecimal amount,
      String currency,
      String description,
      Instant incurredAt) {}

  // ---- clocks: recovery deadlines and notification obligations ----

  /**
   * A disrupted process was not restored by its RTO deadline (recovery took longer than allowed) or
   * its MTPD deadline (the outage became critical); DOMAIN.md. Recorded once per process and kind,
   * by the deadline clock, even when nobody touches the incident.
   *
   * @param deadline when the deadline passed
   * @param detectedAt when the clock noticed; later than {@code deadline} when the service was down
   */
  @Revision("1")
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
  @Revision("1")
  public record NotificationObligationRegistered(
      String incidentId,
      String obligationId,
      NotificationAuthority authority,
      String legalBasis,
      Instant discoveredAt,
      Instant dueAt)
      implements OfIncident {}

  /**
   * A notification was submitted to its authority; who submitted it is in the metadata.
   *
   * @param late whether it was submitted after its due time
   */
  @Revision("1")
  public record NotificationSubmitted(
      String incidentId,
      String obligationId,
      NotificationAuthority authority,
      Instant submittedAt,
      String reference,
      boolean late)
      implements OfIncident {}

  /** A notification's due time passed while it was not submitted; recorded once, by the clock. */
  @Revision("1")
  public record NotificationOverdue(
      String incidentId,
      String obligationId,
      NotificationAuthority authority,
      Instant dueAt,
      Instant detectedAt)
      implements OfIncident {}
}
