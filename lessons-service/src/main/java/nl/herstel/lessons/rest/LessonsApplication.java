package nl.herstel.lessons.rest;

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
 * lessons-service's REST API under {@code /api/lessons}, secured by MicroProfile JWT bearer tokens.
 */
@ApplicationPath("/api/lessons")
@LoginConfig(authMethod = "MP-JWT")
@ApplicationScoped
@OpenAPIDefinition(
    info =
        @Info(
            title = "Herstel Lessons",
            version = "1",
            description =
                "Lessons learned from closed incidents: recovery information (actual recovery"
                    + " times against RTO and MTPD) and the BIA target revisions they led to."
                    + " Errors are RFC 9457 problem details."),
    security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(
    securitySchemeName = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
public class LessonsApplication extends Application {}
