package nl.herstel.gateway.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /api/console/config}: what the web console needs to sign in, from MicroProfile Config
 * ({@code herstel.console.oidc.*}, in the environment {@code HERSTEL_CONSOLE_OIDC_*}). Public: it
 * names only public endpoints of the identity provider, and the console reads it before anyone has
 * signed in. Like the other gateway routes it is not an operation of the API.
 */
@Path("/console/config")
@ApplicationScoped
@PermitAll
public class ConsoleConfigResource {

  /** The console's sign-in settings. */
  public record ConsoleConfig(
      String authorizationEndpoint,
      String tokenEndpoint,
      String endSessionEndpoint,
      String clientId,
      String scope) {}

  @Inject
  @ConfigProperty(name = "herstel.console.oidc.authorization-endpoint")
  Optional<String> authorizationEndpoint;

  @Inject
  @ConfigProperty(name = "herstel.console.oidc.token-endpoint")
  Optional<String> tokenEndpoint;

  @Inject
  @ConfigProperty(name = "herstel.console.oidc.end-session-endpoint")
  Optional<String> endSessionEndpoint;

  @Inject
  @ConfigProperty(name = "herstel.console.oidc.client-id", defaultValue = "herstel-console")
  String clientId;

  @Inject
  @ConfigProperty(name = "herstel.console.oidc.scope", defaultValue = "openid")
  String scope;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(hidden = true)
  public ConsoleConfig config() {
    return new ConsoleConfig(
        authorizationEndpoint.orElse(null),
        tokenEndpoint.orElse(null),
        endSessionEndpoint.orElse(null),
        clientId,
        scope);
  }
}
