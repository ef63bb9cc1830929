package nl.herstel.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.herstel.gateway.openapi.MergedOpenApi;

/** {@code GET /api/openapi}: the merged OpenAPI document of every service; no token needed. */
@Path("/openapi")
@RequestScoped
@PermitAll
public class OpenApiResource {
  @Inject MergedOpenApi openApi;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public JsonNode get() {
    return openApi.document();
  }
}
