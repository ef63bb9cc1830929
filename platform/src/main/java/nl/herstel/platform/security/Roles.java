package nl.herstel.platform.security;

import java.util.List;

/** The roles of DESIGN.md ("Security"), as they appear in a token's {@code groups} claim. */
public final class Roles {
  public static final String BCM_MANAGER = "bcm-manager";
  public static final String PROCESS_OWNER = "process-owner";
  public static final String PLAN_OWNER = "plan-owner";
  public static final String INCIDENT_COMMANDER = "incident-commander";
  public static final String RECOVERY_TEAM = "recovery-team";
  public static final String SOC_INTAKE = "soc-intake";
  public static final String MANAGEMENT = "management";
  public static final String AUDITOR = "auditor";

  public static final List<String> ALL =
      List.of(
          BCM_MANAGER,
          PROCESS_OWNER,
          PLAN_OWNER,
          INCIDENT_COMMANDER,
          RECOVERY_TEAM,
          SOC_INTAKE,
          MANAGEMENT,
          AUDITOR);

  private Roles() {}
}
