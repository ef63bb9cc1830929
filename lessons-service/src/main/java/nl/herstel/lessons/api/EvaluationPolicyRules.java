package nl.herstel.lessons.api;

import java.time.Duration;
import java.util.List;
import nl.herstel.contracts.incidents.Severity;

/**
 * Which closed incidents require an evaluation and by when (DOMAIN.md, "Continuous learning": every
 * serious incident ends with an evaluation). An incident requires one when any rule matches: its
 * severity is at least {@code minimumSeverity}, its category is one of {@code categories}, or
 * {@code anyDeadlineBreached} is set and a process's RTO or MTPD was breached. The evaluation is
 * due {@code dueAfterClosure} after the incident closed.
 *
 * @param minimumSeverity the lowest severity that requires an evaluation; null: severity alone
 *     requires none
 * @param categories incident categories that always require one
 * @param anyDeadlineBreached whether any RTO or MTPD breach requires one
 * @param dueAfterClosure how long after closure the final evaluation is due
 */
public record EvaluationPolicyRules(
    Severity minimumSeverity,
    List<String> categories,
    boolean anyDeadlineBreached,
    Duration dueAfterClosure) {

  /** The id of the organisation's one evaluation policy. */
  public static final String POLICY_ID = "evaluation-policy";

  /** The policy until a BCM manager sets one: HIGH and above, or any breach, within 14 days. */
  public static final EvaluationPolicyRules DEFAULT =
      new EvaluationPolicyRules(Severity.HIGH, List.of(), true, Duration.ofDays(14));

  public EvaluationPolicyRules {
    categories = categories == null ? List.of() : List.copyOf(categories);
  }

  /** The rules that can require an evaluation, as the overdue list names them. */
  public enum Rule {
    SEVERITY,
    CATEGORY,
    DEADLINE_BREACHED
  }
}
