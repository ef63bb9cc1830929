package nl.herstel.plans.api;

/**
 * What a fact of an incident's timeline is, as plan-service heard it on herstel.incidents.v1: the
 * story an exercise seeded from the incident replays (DOMAIN.md, "Exercise, test, train").
 */
public enum IncidentFactKind {
  /** The incident was opened (its disruption began earlier, at the timeline's start). */
  OPENED,
  /** The incident got or changed its category. */
  CLASSIFIED,
  /** A recovery plan was activated, under a mandate. */
  PLAN_ACTIVATED,
  /** The incident moved from one state to another. */
  TRANSITIONED,
  /** A process's RTO or MTPD deadline passed before it was restored. */
  DEADLINE_BREACHED,
  /** An authority had to be notified. */
  NOTIFICATION_REGISTERED,
  /** An authority was notified. */
  NOTIFICATION_SUBMITTED,
  /** A notification was not submitted in time. */
  NOTIFICATION_OVERDUE,
  /** A business process was restored. */
  PROCESS_RESTORED,
  /** A cost was incurred. */
  COST,
  /** A recovery task was created. */
  TASK_CREATED,
  /** A recovery task changed status. */
  TASK_STATUS_CHANGED,
  /** A decision was taken and recorded (BOB: judge, decide, act). */
  DECISION,
  /** The incident was merged into another. */
  MERGED,
  /** Assets or processes joined the incident. */
  EXTENDED,
  /** The incident was closed. */
  CLOSED
}
