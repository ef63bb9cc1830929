package nl.herstel.incidents.command;

import java.util.Objects;
import nl.herstel.incidents.api.RecoveryEvents.RecoveryTaskAssigned;
import nl.herstel.incidents.api.RecoveryEvents.RecoveryTaskStatusChanged;
import nl.herstel.incidents.api.RecoveryTaskStatus;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;

/**
 * A recovery task of an {@link Incident}: a scenario card's step or an ad-hoc task, who does it and
 * how far it is (DOMAIN.md, step 2: execution). An entity inside the incident (it is only ever
 * changed with it): the incident creates it from {@code RecoveryTaskCreated} and checks the
 * commands; the task follows its own events.
 */
class RecoveryTask {
  @EntityId private String taskId;
  private RecoveryTaskStatus status;
  private String assignee;

  /** For snapshots. */
  private RecoveryTask() {}

  RecoveryTask(String taskId, String assignee) {
    this.taskId = taskId;
    this.status = RecoveryTaskStatus.TODO;
    this.assignee = assignee;
  }

  RecoveryTaskStatus status() {
    return status;
  }

  /** The person or team it is given to, or null. */
  String assignee() {
    return assignee;
  }

  @EventSourcingHandler
  void on(RecoveryTaskAssigned event) {
    assignee = event.assignee();
  }

  @EventSourcingHandler
  void on(RecoveryTaskStatusChanged event) {
    status = event.to();
  }

  /** By state: the incident's tasks compare equal when rebuilt from the same events. */
  @Override
  public boolean equals(Object other) {
    return other instanceof RecoveryTask task
        && taskId.equals(task.taskId)
        && status == task.status
        && Objects.equals(assignee, task.assignee);
  }

  @Override
  public int hashCode() {
    return Objects.hash(taskId, status, assignee);
  }
}
