package nl.herstel.lessons.query;

import java.time.Instant;
import java.util.List;
import nl.herstel.contracts.incidents.Severity;
import nl.herstel.lessons.api.EvaluationPolicyRules.Rule;

/**
 * A closed incident that requires an evaluation and has no final one, although it was due.
 *
 * @param requiredBy the policy rules that require it
 * @param drafts how many draft evaluations it has
 */
public record OverdueEvaluationView(
    String incidentId,
    String title,
    Severity severity,
    String category,
    Instant closedAt,
    Instant dueAt,
    List<Rule> requiredBy,
    int drafts) {}
