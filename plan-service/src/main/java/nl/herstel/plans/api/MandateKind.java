package nl.herstel.plans.api;

/**
 * The decisions a recovery plan assigns to a role (DOMAIN.md, "Activation, execution,
 * termination"): e.g. the mandate to pull the plug (stekkermandaat) or to pay for emergency
 * capacity.
 */
public enum MandateKind {
  ACTIVATE_PLAN,
  DISCONNECT,
  EMERGENCY_SPENDING,
  EXTERNAL_COMMUNICATION,
  NOTIFY_AUTHORITIES,
  ENGAGE_SUPPLIER,
  TERMINATE_RECOVERY,
  OTHER
}
