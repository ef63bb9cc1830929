package nl.herstel.incidents.query;

import java.time.Instant;
import nl.herstel.incidents.api.RecoveryTaskStatus;

/**
 * A recovery task of an incident, with who did what when.
 *
 * @param stepNo the scenario card step it came from, or null for an ad-hoc task
 * @param startedAt when it first went IN_PROGRESS, or null
 * @param doneAt when it went DONE, or null while it is not done (a reopened task is not)
 * @param updatedAt when it last changed
 */
public record RecoveryTaskView(
    String taskId,
    String incidentId,
    Integer stepNo,
    String title,
    String assigneeRole,
    String assignee,
    RecoveryTaskStatus status,
    String note,
    String planId,
    String scenarioCardId,
    Instant createdAt,
    String createdBy,
    Instant startedAt,
    String startedBy,
    Instant doneAt,
    String doneBy,
    Instant updatedAt,
    String updatedBy) {}
