package nl.herstel.platform.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.herstel.platform.logging.LogFields;
import nl.herstel.platform.messaging.CallContext;
import nl.herstel.platform.messaging.Caller;

/**
 * Binds the authenticated caller to the request thread so every command carries who, under which
 * role and in which conversation ({@code X-Correlation-Id}, echoed in the answer). A missing or
 * unsafe id is replaced in the request's headers too, so the gateway forwards the id it answers.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 10)
public class CallerFilter implements ContainerRequestFilter, ContainerResponseFilter {
  public static final String CORRELATION_HEADER = "X-Correlation-Id";
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
  private static final String PROPERTY = CallerFilter.class.getName() + ".correlation";

  @Override
  public void filter(ContainerRequestContext request) {
    String correlationId = correlationId(request.getHeaderString(CORRELATION_HEADER));
    request.getHeaders().putSingle(CORRELATION_HEADER, correlationId);
    request.setProperty(PROPERTY, correlationId);
    LogFields.correlation(correlationId);
    SecurityContext security = request.getSecurityContext();
    if (security == null || security.getUserPrincipal() == null) {
      return;
    }
    String roles =
        Roles.ALL.stream().filter(security::isUserInRole).collect(Collectors.joining(","));
    CallContext.bind(
        new Caller(security.getUserPrincipal().getName(), roles, correlationId, null, "rest"));
  }

  /**
   * The conversation's id: the one the client (or the gateway) sent when it is safe to store and
   * log (1 to 100 of letters, digits and {@code ._:-}), a new UUID otherwise: an id too long or
   * with control characters is replaced, never stored.
   */
  public static String correlationId(String given) {
    return given != null && SAFE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    CallContext.unbind();
    Object correlationId = request.getProperty(PROPERTY);
    if (correlationId != null) {
      response.getHeaders().putSingle(CORRELATION_HEADER, correlationId);
    }
  }
}
