package nl.herstel.bia.rest;

import java.util.List;
import nl.herstel.bia.query.AssetView;
import nl.herstel.bia.query.DependencyView;
import nl.herstel.bia.query.EventStoreHistory;
import nl.herstel.bia.query.GraphViews;
import nl.herstel.bia.query.ProcessView;
import nl.herstel.bia.query.ReviewView;
import nl.herstel.bia.query.RevisionView;
import nl.herstel.bia.query.TargetChangeView;
import nl.herstel.bia.query.ThreatView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The {@link nl.herstel.platform.rest.Page}s bia-service answers, as the OpenAPI document names
 * them: one schema per item type, so that a generated client knows what a page holds. Only the
 * document uses these; the resources answer {@code Page<T>}, which has the same shape.
 */
final class Pages {
  private static final String NEXT = "URL of the next page; absent on the last page";
  private static final String TOTAL = "how many items the whole list holds, where cheap to count";

  private Pages() {}

  @Schema(description = "One page of processes; follow next until it is absent")
  record ProcessPage(
      List<ProcessView> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}

  @Schema(
      description =
          "One page of a process's recovery target changes; follow next until it is absent")
  record TargetChangePage(
      List<TargetChangeView> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}

  @Schema(description = "One page of processes due for review; follow next until it is absent")
  record ReviewPage(
      List<ReviewView> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}

  @Schema(
      description =
          "One page of a process's or asset's stored events; follow next until it is absent")
  record HistoryEntryPage(
      List<EventStoreHistory.HistoryEntry> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}

  @Schema(description = "One page of assets; follow next until it is absent")
  record AssetPage(
      List<AssetView> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}

  @Schema(description = "One page of threats; follow next until it is absent")
  record ThreatPage(
      List<ThreatView> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}

  @Schema(
      description =
          "One page of the risk matrix's cells (all 25 on one page); follow next until it is absent")
  record RiskMatrixPage(
      List<ThreatResource.MatrixCell> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}

  @Schema(description = "One page of dependencies; follow next until it is absent")
  record DependencyPage(
      List<DependencyView> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}

  @Schema(
      description =
          "One page of dependency cycles (all on one page); follow next until it is absent")
  record CyclePage(
      List<GraphViews.Cycle> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}

  @Schema(description = "One page of target revisions; follow next until it is absent")
  record RevisionPage(
      List<RevisionView> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}

  @Schema(description = "One page of single points of failure; follow next until it is absent")
  record SinglePointOfFailurePage(
      List<GraphViews.SinglePointOfFailure> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}
}
