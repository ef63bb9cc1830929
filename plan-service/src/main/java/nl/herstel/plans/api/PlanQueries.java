package nl.herstel.plans.api;

import java.time.LocalDate;
import java.util.List;

/** The queries plan-service's read models answer. */
public final class PlanQueries {
  private PlanQueries() {}

  /** One plan by id. */
  public record FindPlan(String planId) {}

  /**
   * Plans by name, a page of at most {@code limit} (one more is fetched to know whether more
   * follow), after the plan whose sort key is {@code after}; optionally only those flagged for
   * review, or in one status.
   */
  public record ListPlans(Boolean needsReview, PlanStatus status, String after, int limit) {}

  /** The plans whose review date lies before {@code today}, most overdue first. */
  public record ListOverdueReviews(LocalDate today, String after, int limit) {}

  /** A plan's versions, oldest first, after version {@code after}. */
  public record ListVersions(String planId, int after, int limit) {}

  /** One version of a plan, with its whole document. */
  public record FindVersion(String planId, int version) {}

  /** The coverage of one known process by published plans. */
  public record FindCoverage(String processId) {}

  /** The coverage of every known process: crown jewels first, then by RTO. */
  public record ListCoverage(String after, int limit) {}

  /** Which of the given process ids the BIA has not (yet) told plan-service about, in order. */
  public record FindUnknownProcesses(List<String> processIds) {
    public FindUnknownProcesses {
      processIds = List.copyOf(processIds);
    }
  }

  /** Which of the given threat ids the BIA has not (yet) told plan-service about, in order. */
  public record FindUnknownThreats(List<String> threatIds) {
    public FindUnknownThreats {
      threatIds = List.copyOf(threatIds);
    }
  }

  /**
   * The BIA assets among the given ids that plan-service knows of, retired ones included, so a
   * supplier agreement can be checked against the asset it names.
   */
  public record FindBiaAssets(List<String> assetIds) {
    public FindBiaAssets {
      assetIds = List.copyOf(assetIds);
    }
  }

  /** A BIA asset as plan-service's copy knows it: enough to check a reference to it. */
  public record BiaAssetReference(String assetId, String name, String kind, boolean retired) {}

  /** The system inventory, ranked by business impact, after the asset at rank {@code after}. */
  public record ListInventory(int after, int limit) {}

  /** One network document. */
  public record FindNetworkDocument(String documentId) {}

  /**
   * Network documents by title; with {@code staleAt}, only those whose verification was due before
   * that moment, most overdue first.
   */
  public record ListNetworkDocuments(java.time.Instant staleAt, String after, int limit) {}

  /** What a bundle of the plan's published version holds: answered with a PlanBundleSource. */
  public record FindBundleSource(String planId) {}
}
