package nl.herstel.plans.api;

import java.util.Map;
import java.util.Set;

/**
 * Where a recovery plan stands: it is written (DRAFT), reviewed, approved, then published as the
 * playbook in force, and finally retired. A change of the content takes it back to DRAFT while the
 * published version stays in force until a new one is published.
 */
public enum PlanStatus {
  DRAFT,
  IN_REVIEW,
  APPROVED,
  PUBLISHED,
  RETIRED;

  private static final Map<PlanStatus, Set<PlanStatus>> NEXT =
      Map.of(
          DRAFT, Set.of(IN_REVIEW, RETIRED),
          IN_REVIEW, Set.of(APPROVED, DRAFT, RETIRED),
          APPROVED, Set.of(PUBLISHED, DRAFT, RETIRED),
          PUBLISHED, Set.of(RETIRED),
          RETIRED, Set.of());

  /** Whether a plan in this status may move to {@code to}. */
  public boolean mayBecome(PlanStatus to) {
    return NEXT.get(this).contains(to);
  }

  /** The statuses this one may move to. */
  public Set<PlanStatus> next() {
    return NEXT.get(this);
  }
}
