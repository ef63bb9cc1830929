package nl.herstel.incidents.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.herstel.incidents.api.Audience;
import nl.herstel.incidents.api.Channel;
import nl.herstel.incidents.api.IncidentCommands.LogCommunication;
import nl.herstel.incidents.api.IncidentQueries.ListCommunications;
import nl.herstel.incidents.query.CommunicationView;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.rest.Page;
import nl.herstel.platform.rest.RequestValidator;
import nl.herstel.platform.security.Roles;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An incident's communications log (DOMAIN.md, "Communication and coordination"). */
@Path("/{id}/communications")
@RequestScoped
@Tag(name = "Communications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CommunicationResource {
  @Inject CommandGateway commands;
  @Inject QueryGateway queries;
  @Inject RequestValidator validator;
  @Inject KnownIncidents incidents;

  /**
   * A communication that went out.
   *
   * @param outOfBand whether it avoided the possibly compromised infrastructure; default false
   * @param sentAt when it went out
   */
  public record CommunicationRequest(
      @NotNull Audience audience,
      @NotNull Channel channel,
      Boolean outOfBand,
      @NotBlank @Size(max = 10000) String message,
      @NotNull Instant sentAt) {}

  /** The logged communication's id. */
  public record CommunicationAnswer(String incidentId, String communicationId) {}

  @POST
  @RolesAllowed(Roles.INCIDENT_COMMANDER)
  @Operation(
      operationId = "logCommunication",
      summary = "Log a communication",
      description =
          "audience (INTERNAL, MANAGEMENT, CUSTOMERS, SUPPLIERS, PARTNERS, REGULATORS,"
              + " AUTHORITIES, MEDIA, PUBLIC), channel (EMAIL, PHONE, SMS, CHAT, WEBSITE,"
              + " SOCIAL_MEDIA, PRESS, MEETING, LETTER, PORTAL, OTHER), outOfBand (true when it"
              + " avoided the possibly compromised infrastructure; default false), message,"
              + " sentAt (not more than 5 minutes before the disruption nor in the future). Who"
              + " sent it is the caller. Stored as CommunicationLogged in the incident's history.")
  @APIResponse(
      responseCode = "202",
      description = "Stored; the answer gives its id",
      content = @Content(schema = @Schema(implementation = CommunicationAnswer.class)))
  @APIResponse(responseCode = "400", description = "A field is missing, malformed or unknown")
  @APIResponse(responseCode = "404", description = "No such incident")
  @APIResponse(responseCode = "409", description = "The incident is closed")
  @APIResponse(responseCode = "422", description = "sentAt before the disruption or in the future")
  public Response log(
      @PathParam("id") String id, CommunicationRequest request, @Context UriInfo uri) {
    validator.check(request);
    String incidentId = KnownIncidents.canonical(id);
    String communicationId = UUID.randomUUID().toString();
    try {
      commands.sendAndWait(
          new LogCommunication(
              incidentId,
              communicationId,
              request.audience(),
              request.channel(),
              Boolean.TRUE.equals(request.outOfBand()),
              request.message().strip(),
              request.sentAt(),
              Instant.now()));
    } catch (AggregateNotFoundException unknown) {
      throw new NotFound("Incident", id);
    }
    return Response.accepted(new CommunicationAnswer(incidentId, communicationId))
        .location(uri.getBaseUriBuilder().path(incidentId).path("communications").build())
        .build();
  }

  @GET
  @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.RECOVERY_TEAM, Roles.MANAGEMENT, Roles.AUDITOR})
  @Operation(
      operationId = "listCommunications",
      summary = "An incident's communications log",
      description =
          "By sentAt, each with who logged it (by), under which role, and when. A communication"
              + " just logged may take a moment to appear.")
  @APIResponse(
      responseCode = "200",
      description = "The communications",
      content = @Content(schema = @Schema(implementation = Pages.CommunicationPage.class)))
  @APIResponse(responseCode = "404", description = "No such incident")
  public Page<CommunicationView> list(
      @PathParam("id") String id,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    int size = Page.limit(limit);
    String after = Page.after(cursor);
    String incidentId = incidents.require(id);
    List<CommunicationView> rows =
        queries
            .query(
                new ListCommunications(incidentId, after, size),
                ResponseTypes.multipleInstancesOf(CommunicationView.class))
            .join();
    return Page.of(rows, size, CommunicationView::communicationId, uri, null);
  }
}
