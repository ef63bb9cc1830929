package nl.herstel.incidents.api;

import java.util.List;

/**
 * The queries the incident read model, the BIA copy and the event store answer. A list query
 * carrying {@code after} and {@code limit} answers {@code limit + 1} items after the cursor key
 * {@code after} (null: from the start), so that the REST side can tell whether a next page exists.
 */
public final class IncidentQueries {
  private IncidentQueries() {}

  /** One incident by id. */
  public record FindIncident(String incidentId) {}

  /** The most recently opened incidents, newest first. */
  public record ListIncidents(String after, int limit) {}

  /** Whether the event store holds an incident with this id: answered with a Boolean. */
  public record IncidentExists(String incidentId) {}

  /** The incident a correlated alert joined, if any: answered with an optional incident id. */
  public record FindIncidentOfAlert(String source, String sourceId) {}

  /**
   * The open (not closed, not dismissed) incident, most recently disrupted first, that touches one
   * of the BIA assets and was disrupted within {@code window} of {@code at}: answered with an
   * optional incident id. Names the BIA does not know do not correlate: they may be anything.
   */
  public record FindCorrelatedIncident(
      List<String> assetIds, java.time.Instant at, java.time.Duration window) {}

  /** Every stored event of one incident with its metadata, in order; empty when unknown. */
  public record FindIncidentHistory(String incidentId) {}

  /**
   * One page of {@link FindIncidentHistory}: {@code limit + 1} entries after the position {@code
   * after} (the history only grows at its end); empty when the incident is unknown.
   */
  public record IncidentHistoryPage(String incidentId, String after, int limit) {}

  /**
   * Recomputes the hash chain of an incident's stored events: answered with the platform's {@code
   * ChainVerification} (no events checked when the incident is unknown).
   */
  public record VerifyIncidentHistory(String incidentId) {}

  /**
   * Which of the named assets the BIA copy knows, by asset id or by exact name, ignoring case.
   * Answered with an {@code AssetResolution}.
   */
  public record ResolveAssets(List<String> references) {}

  /**
   * The processes that depend on the given assets, directly or through other assets and processes,
   * with their recovery targets.
   */
  public record FindAffectedProcesses(List<String> assetIds) {}

  // ---- records: communications, evidence custody, restorations and costs ----

  /** An incident's communications log, by when each went out: a list of CommunicationView. */
  public record ListCommunications(String incidentId, String after, int limit) {}

  /** An incident's evidence items, each with its custody chain: a list of EvidenceView. */
  public record ListEvidence(String incidentId, String after, int limit) {}

  /** One evidence item with its custody chain and verifications: an optional EvidenceView. */
  public record FindEvidence(String incidentId, String itemId) {}

  /** An incident's restorations, in the order recorded: a list of RestorationRecordView. */
  public record ListRestorations(String incidentId, String after, int limit) {}

  /** An incident's costs with totals per kind and currency: a CostReport. */
  public record ListCosts(String incidentId) {}

  // ---- clocks: recovery deadlines and notification obligations ----

  /** Every RTO, MTPD and notification deadline of an incident, soonest first. */
  public record ListDeadlines(String incidentId, String after, int limit) {}

  /** The notification obligations of an incident, in the order they were registered. */
  public record ListNotificationObligations(String incidentId, String after, int limit) {}

  /**
   * The open incident (not closed, dismissed or merged) that has an alert of {@code source} with
   * this correlation key, the latest such one; answers an optional incident id.
   */
  public record FindIncidentByCorrelationKey(String source, String correlationKey) {}

  /**
   * The unresolved queue, newest first: {@code limit} + 1 rows after the cursor key {@code after}
   * (null for the first page).
   */
  public record ListUnresolvedAssets(int limit, String after) {}

  /** How many hints the unresolved queue holds. */
  public record CountUnresolvedAssets() {}

  /** One hint of the unresolved queue, by its text (case ignored). */
  public record FindUnresolvedAsset(String hint) {}

  /** An active asset as incident-service's copy of the BIA knows it. */
  public record FindBiaAsset(String assetId) {}
}
