package nl.herstel.incidents.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import nl.herstel.incidents.api.CostKind;
import nl.herstel.incidents.api.IncidentCommands.RecordCost;
import nl.herstel.incidents.api.IncidentQueries.ListCosts;
import nl.herstel.incidents.query.CostReport;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.rest.RequestValidator;
import nl.herstel.platform.security.Roles;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the incident cost, by kind (legal, hardware, software, labour, other), for the evaluation.
 */
@Path("/{id}/costs")
@RequestScoped
@Tag(name = "Costs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CostResource {
  @Inject CommandGateway commands;
  @Inject QueryGateway queries;
  @Inject RequestValidator validator;
  @Inject KnownIncidents incidents;

  /**
   * A cost.
   *
   * @param amount more than zero, at most two decimals
   * @param currency ISO 4217 code; EUR when absent
   */
  public record CostRequest(
      @NotNull CostKind kind,
      @NotNull @Positive @Digits(integer = 15, fraction = 2) @DecimalMax("999999999999999.99")
          BigDecimal amount,
      @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
          String currency,
      @NotBlank @Size(max = 2000) String description,
      @NotNull Instant incurredAt) {}

  /** A recorded cost. */
  public record CostAnswer(String incidentId, String costId) {}

  @POST
  @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.RECOVERY_TEAM})
  @Operation(
      operationId = "recordIncidentCost",
      summary = "Record a cost of the incident",
      description =
          "kind (LEGAL, HARDWARE, SOFTWARE, LABOUR, OTHER), amount (a decimal above zero, at"
              + " most two decimals, as a JSON number), currency (ISO 4217, default"
              + " EUR), description, incurredAt (not in the future). Stored as CostRecorded.")
  @APIResponse(
      responseCode = "202",
      description = "Stored; the answer gives the cost's id",
      content = @Content(schema = @Schema(implementation = CostAnswer.class)))
  @APIResponse(
      responseCode = "400",
      description = "A field is missing or malformed: unknown kind, amount zero or negative")
  @APIResponse(responseCode = "404", description = "No such incident")
  @APIResponse(responseCode = "409", description = "The incident is closed")
  @APIResponse(responseCode = "422", description = "incurredAt in the future")
  public Response cost(@PathParam("id") String id, CostRequest request, @Context UriInfo uri) {
    validator.check(request);
    String incidentId = KnownIncidents.canonical(id);
    String costId = UUID.randomUUID().toString();
    send(
        id,
        new RecordCost(
            incidentId,
            costId,
            request.kind(),
            request.amount(),
            request.currency() == null ? "EUR" : request.currency(),
            request.description().strip(),
            request.incurredAt(),
            Instant.now()));
    return Response.accepted(new CostAnswer(incidentId, costId))
        .location(uri.getBaseUriBuilder().path(incidentId).path("costs").build())
        .build();
  }

  @GET
  @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.RECOVERY_TEAM, Roles.MANAGEMENT, Roles.AUDITOR})
  @Operation(
      operationId = "getIncidentCosts",
      summary = "An incident's costs with totals",
      description =
          "costs (by incurredAt), totalsByKind [{kind, currency, amount}] and totals [{currency,"
              + " amount}]: amounts in different currencies are never added up.")
  @APIResponse(
      responseCode = "200",
      description = "The costs",
      content = @Content(schema = @Schema(implementation = CostReport.class)))
  @APIResponse(responseCode = "404", description = "No such incident")
  public CostReport costs(@PathParam("id") String id) {
    String incidentId = incidents.require(id);
    return queries.query(new ListCosts(incidentId), CostReport.class).join();
  }

  private void send(String id, Object command) {
    try {
      commands.sendAndWait(command);
    } catch (AggregateNotFoundException unknown) {
      throw new NotFound("Incident", id);
    }
  }
}
