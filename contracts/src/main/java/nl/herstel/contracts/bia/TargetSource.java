package nl.herstel.contracts.bia;

/** Why recovery targets changed: set by hand, or by accepting a target revision proposal. */
public enum TargetSource {
  /** A BCM manager or process owner entered the targets. */
  MANUAL,
  /** A target revision proposed from lessons learned was accepted; see DOMAIN.md. */
  REVISION
}
