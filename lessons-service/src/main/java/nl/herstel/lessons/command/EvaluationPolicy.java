package nl.herstel.lessons.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import nl.herstel.lessons.api.EvaluationCommands.SetEvaluationPolicy;
import nl.herstel.lessons.api.EvaluationEvents.EvaluationPolicySet;
import nl.herstel.lessons.api.EvaluationPolicyRules;
import nl.herstel.platform.domain.RuleViolation;
import nl.herstel.platform.domain.StaleVersion;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * The organisation's evaluation policy: which closed incidents require an evaluation and by when.
 * One per organisation ({@link #ID}); until it is first set {@link EvaluationPolicyRules#DEFAULT}
 * applies. Its version counts the times it was set, so the default is version 0.
 */
public class EvaluationPolicy {
  /** The id of the one policy. */
  public static final String ID = EvaluationPolicyRules.POLICY_ID;

  private static final Duration LONGEST_DUE = Duration.ofDays(366);

  @AggregateIdentifier private String policyId;

  protected EvaluationPolicy() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public long handle(SetEvaluationPolicy command) {
    long current = policyId == null ? 0 : AggregateLifecycle.getVersion() + 1;
    if (command.expectedVersion() != null && command.expectedVersion() != current) {
      throw new StaleVersion(
          "The evaluation policy is at version "
              + current
              + ", not "
              + command.expectedVersion()
              + "; reload it and try again");
    }
    EvaluationPolicyRules rules = command.rules();
    Duration due = rules.dueAfterClosure();
    if (due == null || due.isZero() || due.isNegative() || due.compareTo(LONGEST_DUE) > 0) {
      throw new RuleViolation(
          "dueAfterClosure", "A positive ISO-8601 duration of at most P366D, e.g. P14D");
    }
    for (int i = 0; i < rules.categories().size(); i++) {
      String category = rules.categories().get(i);
      if (category == null || category.isBlank()) {
        throw new RuleViolation("categories[" + i + "]", "A category is a non-empty name");
      }
    }
    apply(new EvaluationPolicySet(command.policyId(), rules));
    return current + 1;
  }

  @EventSourcingHandler
  void on(EvaluationPolicySet event) {
    policyId = event.policyId();
  }
}
