package nl.herstel.incidents.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.herstel.contracts.incidents.Severity;
import nl.herstel.incidents.api.IncidentEvents.AssetRef;
import nl.herstel.incidents.api.IncidentEvents.Restoration;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of the live incident. */
public final class IncidentCommands {
  private IncidentCommands() {}

  /**
   * Open an incident from a SOC alert, or answer the existing one when the same alert ({@code
   * source}, {@code sourceId}) arrives again: the incident id is derived from both.
   *
   * @param detectedAt when the SOC detected the disruption; the RTO and MTPD clocks run from here
   * @param reportedAt when the alert reached Herstel; {@code detectedAt} may not lie beyond it
   * @param assets the named assets found in the BIA
   * @param unresolvedAssets the named assets the BIA does not know, kept by name
   * @param affectedProcesses the processes depending on the assets, with their targets
   * @param raw the alert as the SOC tool sent it, for what our schema has no field for; or null
   * @param alertUpdatedAt when the source last changed the alert; when the alert is known, newer
   *     facts (title, severity, description) replace older ones, older ones change nothing
   */
  public record OpenIncident(
      @TargetAggregateIdentifier String incidentId,
      String source,
      String sourceId,
      String title,
      String description,
      Severity severity,
      Instant detectedAt,
      Instant reportedAt,
      List<AssetRef> assets,
      List<String> unresolvedAssets,
      List<ProcessTargets> affectedProcesses,
      JsonNode raw,
      Instant alertUpdatedAt,
      String correlationKey) {
    /** An incident opened by an alert without a correlation key. */
    public OpenIncident(
        String incidentId,
        String source,
        String sourceId,
        String title,
        String description,
        Severity severity,
        Instant detectedAt,
        Instant reportedAt,
        List<AssetRef> assets,
        List<String> unresolvedAssets,
        List<ProcessTargets> affectedProcesses,
        JsonNode raw,
        Instant alertUpdatedAt) {
      this(
          incidentId,
          source,
          sourceId,
          title,
          description,
          severity,
          detectedAt,
          reportedAt,
          assets,
          unresolvedAssets,
          affectedProcesses,
          raw,
          alertUpdatedAt,
          null);
    }

    public OpenIncident {
      assets = List.copyOf(assets);
      unresolvedAssets = List.copyOf(unresolvedAssets);
      affectedProcesses = List.copyOf(affectedProcesses);
    }
  }

  /**
   * What the intake answers: the incident an alert opened or correlated into.
   *
   * @param duplicate whether the alert was known already
   * @param updated whether a known alert brought newer facts that were recorded
   */
  public record Intake(
      String incidentId, IncidentStatus status, boolean duplicate, boolean updated) {}

  /**
   * A process found through the BIA graph with its recovery targets: RTO (how long recovery to an
   * acceptable level may take), MTPD (after how long the outage becomes critical) and RPO (how much
   * data may be lost; null when the BIA set none); DOMAIN.md.
   */
  public record ProcessTargets(
      String processId, String name, Duration rto, Duration mtpd, Duration rpo) {
    /** Targets without an RPO: the BIA set none. */
    public ProcessTargets(String processId, String name, Duration rto, Duration mtpd) {
      this(processId, name, rto, mtpd, null);
    }
  }

  /**
   * Let a new alert join this open incident, because it touches one of its assets within the
   * correlation window. Answered with {@code incidentId} null when the incident can no longer take
   * it (closed or dismissed meanwhile): the alert then opens its own.
   *
   * @param affectedProcesses the processes the alert's assets disrupt; those new to the incident
   *     get deadlines from the incident's disruption
   */
  public record CorrelateAlert(
      @TargetAggregateIdentifier String incidentId,
      String source,
      String sourceId,
      String title,
      Severity severity,
      Instant detectedAt,
      List<AssetRef> assets,
      List<String> unresolvedAssets,
      List<ProcessTargets> affectedProcesses,
      JsonNode raw,
      String correlationKey) {
    /** A correlated alert without a correlation key. */
    public CorrelateAlert(
        String incidentId,
        String source,
        String sourceId,
        String title,
        Severity severity,
        Instant detectedAt,
        List<AssetRef> assets,
        List<String> unresolvedAssets,
        List<ProcessTargets> affectedProcesses,
        JsonNode raw) {
      this(
          incidentId,
          source,
          sourceId,
          title,
          severity,
          detectedAt,
          assets,
          unresolvedAssets,
          affectedProcesses,
          raw,
          null);
    }

    public CorrelateAlert {
      assets = List.copyOf(assets);
      unresolvedAssets = List.copyOf(unresolvedAssets);
      affectedProcesses = List.copyOf(affectedProcesses);
    }
  }

  /**
   * The BIA now knows the asset a hint of this incident named: resolve it. Sent by the {@code
   * HintResolver} when the BIA copy learns a matching asset or identifier; an incident that never
   * named the hint, or resolved it already, changes nothing.
   *
   * @param affectedProcesses the processes the asset disrupts, with their targets; those new to an
   *     open incident get deadlines from its original disruption
   */
  public record ResolveAssetHint(
      @TargetAggregateIdentifier String incidentId,
      String hint,
      AssetRef asset,
      List<ProcessTargets> affectedProcesses) {
    public ResolveAssetHint {
      affectedProcesses = List.copyOf(affectedProcesses);
    }
  }

  /**
   * Record a decision in the BOB structure (DOMAIN.md, decision making): the picture (facts known
   * and unknown), the judgement (options, risks) and the decision (what, why, under which mandate).
   * Who decided is the caller, in the event's metadata.
   */
  public record RecordDecision(
      @TargetAggregateIdentifier String incidentId,
      String decisionId,
      List<String> known,
      List<String> unknown,
      List<String> options,
      List<String> risks,
      String what,
      String rationale,
      String mandate) {
    public RecordDecision {
      known = List.copyOf(known);
      unknown = List.copyOf(unknown);
      options = List.copyOf(options);
      risks = List.copyOf(risks);
    }
  }

  /**
   * Move the incident along its lifecycle, saying why; who did it is in the event's metadata.
   *
   * @param to one of the states {@link IncidentStatus#next()} allows from the current one
   */
  public record TransitionIncident(
      @TargetAggregateIdentifier String incidentId, IncidentStatus to, String reason) {}

  /**
   * End the recovery operation, recording when each disrupted process was restored.
   *
   * @param requestedAt when the closure was asked for; no restoration may lie beyond it
   */
  public record CloseIncident(
      @TargetAggregateIdentifier String incidentId,
      List<Restoration> restorations,
      String summary,
      Instant requestedAt) {
    public CloseIncident {
      restorations = List.copyOf(restorations);
    }
  }

  // ---- records: communications, evidence custody, restorations and costs ----

  /**
   * Log a crisis communication; who sent it is the caller.
   *
   * @param requestedAt when it was logged; {@code sentAt} may not lie beyond it (5 minutes'
   *     tolerance) nor before the disruption
   */
  public record LogCommunication(
      @TargetAggregateIdentifier String incidentId,
      String communicationId,
      Audience audience,
      Channel channel,
      boolean outOfBand,
      String message,
      Instant sentAt,
      Instant requestedAt) {}

  /**
   * Take an item of evidence into custody; {@code sha256} is 64 lower-case hex characters. The item
   * becomes an aggregate of its own (see {@link EvidenceCommands}); the incident must not be
   * closed.
   */
  public record RegisterEvidence(
      String incidentId,
      String itemId,
      String sha256,
      String description,
      String collectedBy,
      Instant collectedAt,
      String storageLocation,
      Instant requestedAt) {}

  /**
   * Hand an item of evidence of the incident from its current custodian ({@code from}) to another;
   * also after the incident closed.
   */
  public record TransferEvidence(
      String incidentId,
      String itemId,
      String from,
      String to,
      Instant at,
      String reason,
      Instant requestedAt) {}

  /**
   * Record the SHA-256 observed when an item's integrity was checked again; also after the incident
   * closed.
   */
  public record VerifyEvidence(
      String incidentId,
      String itemId,
      String observedSha256,
      Instant verifiedAt,
      Instant requestedAt) {}

  /**
   * Record that an affected process was restored at {@code restoredAt}, with its data as of {@code
   * dataRestoredTo}.
   */
  public record RecordRestoration(
      @TargetAggregateIdentifier String incidentId,
      String processId,
      Instant restoredAt,
      Instant dataRestoredTo,
      Instant requestedAt) {}

  /** Record a cost the incident caused; {@code amount} is positive. */
  public record RecordCost(
      @TargetAggregateIdentifier String incidentId,
      String costId,
      CostKind kind,
      BigDecimal amount,
      String currency,
      String description,
      Instant incurredAt,
      Instant requestedAt) {}

  // ---- clocks: recovery deadlines and notification obligations ----

  /**
   * Record that a recovery deadline of a disrupted process passed: sent by the deadline clock, not
   * by people. The incident records it once per process and kind, and only while it still matters;
   * the answer says what happened.
   *
   * @param detectedAt when the clock saw the deadline passed; not before the deadline
   */
  public record RecordRecoveryDeadlineBreach(
      @TargetAggregateIdentifier String incidentId,
      String processId,
      RecoveryDeadlineKind kind,
      Instant detectedAt) {}

  /**
   * Register a duty to notify an authority (DOMAIN.md, communication: "who must be told by when").
   * The obligation becomes an aggregate of its own (see {@link NotificationCommands}): one per
   * authority and incident, not on a closed incident.
   *
   * @param discoveredAt when the organisation became aware of what triggers the duty; statutory
   *     clocks (72 hours for the Data Protection Authority) run from here
   * @param dueAt when the notification is due; null when nothing sets a deadline
   */
  public record RegisterNotificationObligation(
      String incidentId,
      String obligationId,
      NotificationAuthority authority,
      String legalBasis,
      Instant discoveredAt,
      Instant dueAt,
      Instant requestedAt) {}

  /**
   * Record that a notification was submitted to its authority, with the authority's reference. Who
   * submitted it is the caller, in the event's metadata.
   */
  public record RecordNotificationSubmission(
      String incidentId,
      String obligationId,
      Instant submittedAt,
      String reference,
      Instant requestedAt) {}

  /** Record that a notification's due time passed unsubmitted: sent by the deadline clock. */
  public record RecordNotificationOverdue(
      String incidentId, String obligationId, Instant detectedAt) {}

  /**
   * Say which BIA asset an unresolved hint names, on an incident commander's word. The mapping id
   * is derived from the hint, so mapping one hint twice is one mapping.
   *
   * @param kind the kind of identifier the hint is
   * @param value the hint as an identifier in normal form
   */
  public record MapAssetHint(
      @TargetAggregateIdentifier String mappingId,
      String hint,
      String assetId,
      nl.herstel.contracts.bia.IdentifierKind kind,
      String value) {}
}
