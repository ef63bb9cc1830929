package nl.herstel.incidents.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * incident-service's REST API under {@code /api/incidents}, secured by MicroProfile JWT bearer
 * tokens.
 */
@ApplicationPath("/api/incidents")
@LoginConfig(authMethod = "MP-JWT")
@ApplicationScoped
@OpenAPIDefinition(
    info =
        @Info(
            title = "Herstel incidents",
            version = "1",
            description =
                "Live cyber incidents: SOC intake, the processes they disrupt with RTO and MTPD"
                    + " deadlines, closure with restorations, and the audit trail. Errors are RFC"
                    + " 9457 problem details."),
    security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(
    securitySchemeName = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
public class IncidentsApplication extends Application {}
