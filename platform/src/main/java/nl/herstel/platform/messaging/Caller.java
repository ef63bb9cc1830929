package nl.herstel.platform.messaging;

import java.util.Objects;

/**
 * Who is acting, under which role, in which conversation: the facts every stored event carries in
 * its metadata so that the event store is the audit trail (DESIGN.md, "Event sourcing").
 *
 * @param principal the authenticated name, or {@code system:<service>} for work triggered by
 *     another service's event
 * @param role the roles under which the caller acted, comma separated
 * @param correlationId the id shared by everything done for one request or one incoming event
 * @param causationId the id of the message that caused this one, or {@code null}
 * @param source the system the request came from (a service, a SOC tool, {@code rest})
 */
public record Caller(
    String principal, String role, String correlationId, String causationId, String source) {

  public Caller {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(correlationId, "correlationId");
    Objects.requireNonNull(source, "source");
  }
}
