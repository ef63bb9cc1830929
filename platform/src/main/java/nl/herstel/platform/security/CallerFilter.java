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
import nl.herstel.platform.messaging.CallContext;
import nl.herstel.platform.messaging.Caller;

/**
 * Binds the authenticated caller to the request thread so every command carries who, under which
 * role and in which conversation ({@code X-Correlation-Id}, echoed in the answer).
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 10)
public class CallerFilter implements ContainerRequestFilter, ContainerResponseFilter {
  public static final String CORRELATION_HEADER = "X-Correlation-Id";
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
  private static final String PROPERTY = CallerFilter.class.getName() + ".correlation";

  @Override
  public void filter(ContainerRequestContext request) {
    String given = request.getHeaderString(CORRELATION_HEADER);
    String correlationId =
        given != null && SAFE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    request.setProperty(PROPERTY, correlationId);
    SecurityContext security = request.getSecurityContext();
    if (security == null || security.getUserPrincipal() == null) {
      return;
    }
    String roles =
        Roles.ALL.stream().filter(security::isUserInRole).collect(Collectors.joining(","));
    CallContext.bind(
        new Caller(security.getUserPrincipal().getName(), roles, correlationId, null, "rest"));
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
