package nl.herstel.contracts.lessons;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;

/**
 * What an improvement action improves.
 *
 * @param kind PROCESS, ASSET, THREAT, PLAN, SCENARIO_CARD, BACKUP_POLICY or TRAINING
 * @param id its id; for a scenario card the card's id
 * @param planId for a scenario card, the plan that holds it; otherwise null
 */
public record ImprovementTarget(String kind, String id, String planId) {
  public ImprovementTarget {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
  }

  /** The plan the target belongs to, when it is a plan or one of its cards; otherwise null. */
  @JsonIgnore
  public String plan() {
    return switch (kind) {
      case "PLAN" -> id;
      case "SCENARIO_CARD" -> planId;
      default -> null;
    };
  }
}
