package nl.herstel.lessons.query;

import java.time.Instant;
import nl.herstel.lessons.api.EvaluationPolicyRules;

/**
 * The evaluation policy in force; {@code version} 0 with no {@code setAt} is the default policy.
 */
public record EvaluationPolicyView(
    EvaluationPolicyRules rules, long version, Instant setAt, String setBy) {}
