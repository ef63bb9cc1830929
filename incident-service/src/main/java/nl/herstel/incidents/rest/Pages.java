package nl.herstel.incidents.rest;

import java.util.List;
import nl.herstel.incidents.intake.IntakeKeys;
import nl.herstel.incidents.query.CommunicationView;
import nl.herstel.incidents.query.DeadlineView;
import nl.herstel.incidents.query.EvidenceView;
import nl.herstel.incidents.query.HistoryEntry;
import nl.herstel.incidents.query.IncidentImprovementActions;
import nl.herstel.incidents.query.IncidentView;
import nl.herstel.incidents.query.NotificationObligationView;
import nl.herstel.incidents.query.RecoveryTaskView;
import nl.herstel.incidents.query.RestorationRecordView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The {@link nl.herstel.platform.rest.Page}s incident-service answers, as the OpenAPI document
 * names them: one schema per item type, so that a generated client knows what a page holds. Only
 * the document uses these; the resources answer {@code Page<T>}, which has the same shape.
 */
final class Pages {
  private static final String NEXT = "URL of the next page; absent on the last page";
  private static final String TOTAL = "how many items the whole list holds, where cheap to count";

  private Pages() {}

  @Schema(description = "One page of incidents; follow next until it is absent")
  record IncidentPage(
      List<IncidentView> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}

  @Schema(description = "One page of an incident's stored events; follow next until it is absent")
  record IncidentHistoryEntryPage(
      List<HistoryEntry> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}

  @Schema(description = "One page of an incident's restorations; follow next until it is absent")
  record RestorationPage(
      List<RestorationRecordView> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}

  @Schema(description = "One page of an incident's deadlines; follow next until it is absent")
  record DeadlinePage(
      List<DeadlineView> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}

  @Schema(description = "One page of an incident's evidence items; follow next until it is absent")
  record EvidencePage(
      List<EvidenceView> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}

  @Schema(
      description = "One page of an incident's improvement actions; follow next until it is absent")
  record IncidentImprovementActionPage(
      List<IncidentImprovementActions.View> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}

  @Schema(description = "One page of an incident's recovery tasks; follow next until it is absent")
  record RecoveryTaskPage(
      List<RecoveryTaskView> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}

  @Schema(description = "One page of an incident's communications; follow next until it is absent")
  record CommunicationPage(
      List<CommunicationView> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}

  @Schema(
      description =
          "One page of an incident's notification obligations; follow next until it is absent")
  record NotificationObligationPage(
      List<NotificationObligationView> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}

  @Schema(description = "One page of intake API keys; follow next until it is absent")
  record IntakeKeyPage(
      List<IntakeKeys.IntakeKey> items,
      @Schema(description = NEXT) String next,
      @Schema(description = TOTAL) Long total) {}
}
