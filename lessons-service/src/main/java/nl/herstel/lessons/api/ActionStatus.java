package nl.herstel.lessons.api;

import java.util.Set;

/**
 * Where an improvement action stands: OPEN, IN_PROGRESS, then DONE; or WONT_DO with a reason. DONE
 * and WONT_DO are final.
 */
public enum ActionStatus {
  OPEN,
  IN_PROGRESS,
  DONE,
  WONT_DO;

  /** Whether the action no longer changes. */
  public boolean closed() {
    return this == DONE || this == WONT_DO;
  }

  /** Whether an action may move from this status to {@code next}. */
  public boolean mayBecome(ActionStatus next) {
    return switch (this) {
      case OPEN -> Set.of(IN_PROGRESS, DONE, WONT_DO).contains(next);
      case IN_PROGRESS -> Set.of(OPEN, DONE, WONT_DO).contains(next);
      case DONE, WONT_DO -> false;
    };
  }
}
