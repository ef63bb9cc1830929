package nl.herstel.plans.rest;

import java.util.List;
import nl.herstel.plans.query.CoverageView;
import nl.herstel.plans.query.ExerciseRequestView;
import nl.herstel.plans.query.InventoryItem;
import nl.herstel.plans.query.NetworkDocumentView;
import nl.herstel.plans.query.PlanImprovementActionView;
import nl.herstel.plans.query.PlanVersionView;
import nl.herstel.plans.query.PlanView;
import nl.herstel.plans.query.PreparednessViews.BackupPolicyView;
import nl.herstel.plans.query.PreparednessViews.ExerciseView;
import nl.herstel.plans.query.PreparednessViews.RestoreTestView;
import nl.herstel.plans.query.PreparednessViews.TrainingRecordView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The {@link nl.herstel.platform.rest.Page}s plan-service answers, as the OpenAPI document names
 * them: one schema per item type, so that a generated client knows what a page holds. Only the
 * document uses these; the resources answer {@code Page<T>}, which has the same shape.
 */
final class Pages {
  private static final String NEXT = "URL of the next page; absent on the last page";
  private static final String TOTAL = "how many items the whole list holds, where cheap to count";

  private Pages() {}

  @Schema(description = "One page of process coverage; follow next until it is absent")
  record CoveragePage(
      List<CoverageView> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}

  @Schema(description = "One page of plans; follow next until it is absent")
  record PlanPage(
      List<PlanView> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}

  @Schema(description = "One page of a plan's versions; follow next until it is absent")
  record PlanVersionPage(
      List<PlanVersionView> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}

  @Schema(description = "One page of backup policies; follow next until it is absent")
  record BackupPolicyPage(
      List<BackupPolicyView> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}

  @Schema(description = "One page of restore tests; follow next until it is absent")
  record RestoreTestPage(
      List<RestoreTestView> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}

  @Schema(description = "One page of training records; follow next until it is absent")
  record TrainingRecordPage(
      List<TrainingRecordView> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}

  @Schema(description = "One page of exercises; follow next until it is absent")
  record ExercisePage(
      List<ExerciseView> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}

  @Schema(description = "One page of exercise requests; follow next until it is absent")
  record ExerciseRequestPage(
      List<ExerciseRequestView> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}

  @Schema(description = "One page of the system inventory; follow next until it is absent")
  record InventoryPage(
      List<InventoryItem> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}

  @Schema(description = "One page of network documents; follow next until it is absent")
  record NetworkDocumentPage(
      List<NetworkDocumentView> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}

  @Schema(description = "One page of a plan's improvement actions; follow next until it is absent")
  record PlanImprovementActionPage(
      List<PlanImprovementActionView> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}
}
