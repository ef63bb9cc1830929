package nl.herstel.lessons.rest;

import java.util.List;
import nl.herstel.lessons.query.BiaChangeView;
import nl.herstel.lessons.query.EvaluationView;
import nl.herstel.lessons.query.ImprovementActionView;
import nl.herstel.lessons.query.OverdueEvaluationView;
import nl.herstel.lessons.query.RecoveryInformationView;
import nl.herstel.lessons.query.RevisionProposalView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The {@link nl.herstel.platform.rest.Page}s lessons-service answers, as the OpenAPI document names
 * them: one schema per item type, so that a generated client knows what a page holds. Only the
 * document uses these; the resources answer {@code Page<T>}, which has the same shape.
 */
final class Pages {
  private static final String NEXT = "URL of the next page; absent on the last page";
  private static final String TOTAL = "how many items the whole list holds, where cheap to count";

  private Pages() {}

  @Schema(description = "One page of recovery information; follow next until it is absent")
  record RecoveryInformationPage(
      List<RecoveryInformationView> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}

  @Schema(
      description = "One page of the BIA changes lessons led to; follow next until it is absent")
  record BiaChangePage(
      List<BiaChangeView> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}

  @Schema(description = "One page of evaluations; follow next until it is absent")
  record EvaluationPage(
      List<EvaluationView> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}

  @Schema(description = "One page of overdue evaluations; follow next until it is absent")
  record OverdueEvaluationPage(
      List<OverdueEvaluationView> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}

  @Schema(description = "One page of improvement actions; follow next until it is absent")
  record ImprovementActionPage(
      List<ImprovementActionView> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}

  @Schema(description = "One page of BIA revision proposals; follow next until it is absent")
  record RevisionProposalPage(
      List<RevisionProposalView> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}
}
