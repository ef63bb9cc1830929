package nl.herstel.lessons.api;

/**
 * What an improvement action improves (DOMAIN.md, "Improve"): a BIA process, asset or threat, a
 * recovery plan or one of its scenario cards, a backup policy, or a training record.
 *
 * @param kind what kind of thing
 * @param id its id; for a scenario card the card's id
 * @param planId for a scenario card, the plan that holds it; otherwise null
 */
public record ActionTarget(Kind kind, String id, String planId) {

  /** The kinds of thing an action can improve, and the service that owns them. */
  public enum Kind {
    PROCESS,
    ASSET,
    THREAT,
    PLAN,
    SCENARIO_CARD,
    BACKUP_POLICY,
    TRAINING
  }

  /** The plan this target belongs to, when it is a plan or one of its cards; otherwise null. */
  public String plan() {
    return switch (kind) {
      case PLAN -> id;
      case SCENARIO_CARD -> planId;
      default -> null;
    };
  }
}
