package nl.herstel.lessons.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of incident evaluations and of the policy that says which incidents need one. */
public final class EvaluationCommands {
  private EvaluationCommands() {}

  /** Start the evaluation of an incident lessons knows, as a draft. */
  public record DraftEvaluation(
      @TargetAggregateIdentifier String evaluationId,
      String incidentId,
      EvaluationContent content) {}

  /**
   * Replace a draft's content. {@code incidentId} is the incident the caller named; another is
   * refused as not found. {@code expectedVersion}, when given, is the version the caller edited
   * (If-Match); another version is refused as stale.
   */
  public record ReviseEvaluation(
      @TargetAggregateIdentifier String evaluationId,
      String incidentId,
      EvaluationContent content,
      Long expectedVersion) {}

  /** Make a draft final: from then on it is immutable. {@code expectedVersion} as above. */
  public record FinaliseEvaluation(
      @TargetAggregateIdentifier String evaluationId, String incidentId, Long expectedVersion) {}

  /** Replace the evaluation policy. {@code expectedVersion} as above. */
  public record SetEvaluationPolicy(
      @TargetAggregateIdentifier String policyId,
      EvaluationPolicyRules rules,
      Long expectedVersion) {}
}
