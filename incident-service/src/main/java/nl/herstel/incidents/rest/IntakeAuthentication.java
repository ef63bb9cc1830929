package nl.herstel.incidents.rest;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import nl.herstel.incidents.intake.IntakeKeys;
import nl.herstel.incidents.intake.IntakeKeys.IntakeKey;
import nl.herstel.platform.rest.Problem;
import nl.herstel.platform.rest.Problem.Kind;
import nl.herstel.platform.rest.PublicUris;
import nl.herstel.platform.security.Roles;

/**
 * Authenticates the intake: a bearer token (checked by the server) with the role soc-intake or
 * incident-commander, or an API key in {@code X-Api-Key}, which makes the caller {@code
 * intake-key:<source>:<keyId>} with the role soc-intake. Anything else is a 401 or 403 problem. The
 * intake methods are {@code @PermitAll} so that a request with a key but no token reaches this
 * filter; it, not the annotation, guards them.
 */
@Provider
@IntakeAuthenticated
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class IntakeAuthentication implements ContainerRequestFilter {
  public static final String API_KEY_HEADER = "X-Api-Key";

  @Inject IntakeKeys keys;
  @Inject IntakeCaller caller;

  @Override
  public void filter(ContainerRequestContext request) {
    SecurityContext security = request.getSecurityContext();
    String path = PublicUris.path(request.getUriInfo());
    if (security.getUserPrincipal() != null) {
      if (!security.isUserInRole(Roles.SOC_INTAKE)
          && !security.isUserInRole(Roles.INCIDENT_COMMANDER)) {
        request.abortWith(
            Problem.of(
                    Kind.FORBIDDEN,
                    "The intake takes the roles soc-intake and incident-commander",
                    path)
                .toResponse());
      }
      return;
    }
    String presented = request.getHeaderString(API_KEY_HEADER);
    if (presented == null) {
      request.abortWith(
          withChallenge(
              Problem.of(
                  Kind.UNAUTHORIZED,
                  "Send a bearer token with the role soc-intake, or an intake API key in "
                      + API_KEY_HEADER,
                  path)));
      return;
    }
    IntakeKey key = keys.authenticate(presented.strip()).orElse(null);
    if (key == null) {
      request.abortWith(
          withChallenge(Problem.of(Kind.UNAUTHORIZED, "The API key is unknown or revoked", path)));
      return;
    }
    caller.authenticatedByKey(key.source());
    String name = "intake-key:" + key.source() + ":" + key.keyId();
    request.setSecurityContext(new KeySecurityContext(name, security.isSecure()));
  }

  private static Response withChallenge(Problem problem) {
    return Response.fromResponse(problem.toResponse())
        .header("WWW-Authenticate", "Bearer, ApiKey header=\"" + API_KEY_HEADER + "\"")
        .build();
  }

  /** The caller an API key makes: named after its source and id, in the role soc-intake. */
  private record KeySecurityContext(String name, boolean secure) implements SecurityContext {
    @Override
    public Principal getUserPrincipal() {
      return () -> name;
    }

    @Override
    public boolean isUserInRole(String role) {
      return Roles.SOC_INTAKE.equals(role);
    }

    @Override
    public boolean isSecure() {
      return secure;
    }

    @Override
    public String getAuthenticationScheme() {
      return "ApiKey";
    }
  }
}
