package nl.herstel.incidents.api;

import nl.herstel.incidents.api.IncidentCommands.RecordNotificationOverdue;
import nl.herstel.incidents.api.IncidentCommands.RecordNotificationSubmission;
import nl.herstel.incidents.api.IncidentCommands.RegisterNotificationObligation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The commands the notification routing (command side) sends on. Notification obligations are
 * aggregates of their own, one stream per obligation: the duty to notify outlives the recovery
 * operation. Obligations registered before that live in their incident's stream and keep being
 * handled there. The public commands ({@link RegisterNotificationObligation}, {@link
 * RecordNotificationSubmission}, {@link RecordNotificationOverdue}) name the incident and the
 * obligation; these name the aggregate that handles them.
 */
public final class NotificationCommands {
  private NotificationCommands() {}

  /**
   * Ask the incident whether it takes a new obligation: a closed one does not, nor one with an
   * obligation in its own stream for the same authority or id. Stores nothing.
   */
  public record AdmitNotificationObligation(
      @TargetAggregateIdentifier String incidentId,
      String obligationId,
      NotificationAuthority authority) {}

  /** Ask the incident how its notification clocks stand; stores nothing. */
  public record CheckNotificationClock(@TargetAggregateIdentifier String incidentId) {}

  /** Open the obligation's own stream with its registration. */
  public record OpenNotificationObligation(
      @TargetAggregateIdentifier String obligationId,
      RegisterNotificationObligation registration) {}

  /** Record the submission of an obligation with a stream of its own. */
  public record SubmitNotification(
      @TargetAggregateIdentifier String obligationId, RecordNotificationSubmission submission) {}

  /**
   * Record that an obligation with a stream of its own is overdue, as its incident's clock stands.
   */
  public record RecordObligationOverdue(
      @TargetAggregateIdentifier String obligationId,
      RecordNotificationOverdue overdue,
      NotificationClock clock) {}

  /** Record the submission of an obligation registered in its incident's stream. */
  public record SubmitIncidentNotification(
      @TargetAggregateIdentifier String incidentId, RecordNotificationSubmission submission) {}

  /** Record that an obligation registered in its incident's stream is overdue. */
  public record RecordIncidentNotificationOverdue(
      @TargetAggregateIdentifier String incidentId, RecordNotificationOverdue overdue) {}
}
