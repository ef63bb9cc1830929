package nl.herstel.lessons.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.herstel.lessons.api.ActionPriority;
import nl.herstel.lessons.api.ActionStatus;
import nl.herstel.lessons.api.ActionTarget;

/**
 * An improvement action as the read model holds it; {@code version} is its ETag, {@code overdue}
 * says it is past its due date and neither DONE nor WONT_DO, {@code notes} come oldest first.
 */
public record ImprovementActionView(
    String id,
    String title,
    String description,
    String owner,
    LocalDate due,
    ActionPriority priority,
    ActionTarget target,
    ActionStatus status,
    String statusReason,
    String incidentId,
    String evaluationId,
    boolean overdue,
    List<Note> notes,
    long version,
    Instant createdAt,
    String createdBy,
    Instant updatedAt) {

  /** A progress note: what, who, when. */
  public record Note(String text, String by, Instant at) {}
}
