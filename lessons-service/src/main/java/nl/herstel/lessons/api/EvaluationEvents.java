package nl.herstel.lessons.api;

import org.axonframework.serialization.Revision;

/** The events of incident evaluations and their policy, as stored in lessons' event store. */
public final class EvaluationEvents {
  private EvaluationEvents() {}

  /** An evaluation of an incident was started as a draft. */
  @Revision("1")
  public record EvaluationDrafted(
      String evaluationId, String incidentId, EvaluationContent content) {}

  /** A draft's content was replaced. */
  @Revision("1")
  public record EvaluationRevised(
      String evaluationId, String incidentId, EvaluationContent content) {}

  /** The evaluation became final; who finalised it is in the event's metadata (principal). */
  @Revision("1")
  public record EvaluationFinalised(String evaluationId, String incidentId) {}

  /** The evaluation policy was set. */
  @Revision("1")
  public record EvaluationPolicySet(String policyId, EvaluationPolicyRules rules) {}
}
