package nl.herstel.bia.rest;

import jakarta.ws.rs.core.SecurityContext;
import nl.herstel.bia.query.ProcessView;
import nl.herstel.platform.domain.NotPermitted;
import nl.herstel.platform.security.Roles;

/**
 * Who may change a process's targets, impacts, reviews and revisions: a BCM manager, or the process
 * owner whose name is the process's {@code owner} (compared without regard to case).
 */
final class Ownership {
  private Ownership() {}

  static void check(ProcessView process, SecurityContext security) {
    if (security.isUserInRole(Roles.BCM_MANAGER)) {
      return;
    }
    String caller =
        security.getUserPrincipal() == null ? "" : security.getUserPrincipal().getName();
    if (process.owner() != null && process.owner().equalsIgnoreCase(caller)) {
      return;
    }
    throw new NotPermitted(
        "Only the owner of process '"
            + process.name()
            + "' ("
            + (process.owner() == null ? "no owner recorded" : process.owner())
            + ") or a bcm-manager may change it; you are "
            + caller);
  }
}
