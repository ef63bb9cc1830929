package nl.herstel.gateway.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The public API of Herstel under {@code /api}: every request is authenticated here (MicroProfile
 * JWT) and again by the service it is routed to (defence in depth, DESIGN.md).
 */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
@ApplicationScoped
public class GatewayApplication extends Application {}
