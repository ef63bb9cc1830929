package nl.herstel.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import nl.herstel.gateway.openapi.MergedOpenApi;
import org.eclipse.microprofile.openapi.annotations.ExternalDocumentation;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code GET /api/openapi}: the merged OpenAPI document of every service; no token needed. */
@Path("/openapi")
@RequestScoped
@PermitAll
public class OpenApiResource {
  @Inject MergedOpenApi openApi;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getOpenApiDocument",
      summary = "The merged OpenAPI document of the whole public API",
      description =
          "Every service's own document merged into one (OpenAPI 3.0.3, as the services write"
              + " theirs), refreshed every 30 s; its server is this gateway. A service that is"
              + " down is left out and named in x-herstel-unavailable.")
  @APIResponse(
      responseCode = "200",
      description = "The OpenAPI document",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(
                      type = SchemaType.OBJECT,
                      description = "An OpenAPI 3.0.3 document",
                      externalDocs =
                          @ExternalDocumentation(url = "https://spec.openapis.org/oas/v3.0.3"))))
  public JsonNode get(@Context UriInfo uri) {
    return openApi.document(uri.getBaseUriBuilder().replacePath("").replaceQuery(null).build());
  }
}
