package nl.herstel.bia.rest;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import nl.herstel.bia.api.BiaCommands.RegisterProcess;
import nl.herstel.bia.api.BiaQueries.FindAsset;
import nl.herstel.bia.api.BiaQueries.FindProcess;
import nl.herstel.bia.api.BiaQueries.ListProcesses;
import nl.herstel.bia.query.AssetView;
import nl.herstel.bia.query.ProcessView;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.domain.RuleViolation;
import nl.herstel.platform.rest.RequestValidator;
import nl.herstel.platform.security.Roles;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Business processes: register them with their recovery targets and supporting assets. */
@Path("/processes")
@RequestScoped
@Tag(name = "Processes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProcessResource {
  @Inject CommandGateway commands;
  @Inject QueryGateway queries;
  @Inject RequestValidator validator;

  /**
   * A process to register.
   *
   * @param critical whether the process is critical rather than supporting; default false
   * @param crownJewel whether it is one of the crown jewels; default false
   * @param supportedBy ids of registered assets that support the process
   */
  public record RegisterProcessRequest(
      @NotBlank @Size(max = 200) String name,
      @Size(max = 4000) String description,
      Boolean critical,
      Boolean crownJewel,
      @Size(max = 200) String owner,
      @NotNull Duration mtpd,
      @NotNull Duration rto,
      Duration rpo,
      @Size(max = 100) List<@NotBlank @Size(max = 64) String> supportedBy) {}

  /** The id of what was created. */
  public record Created(String id) {}

  @POST
  @RolesAllowed(Roles.BCM_MANAGER)
  @Operation(
      summary = "Register a business process",
      description =
          "Records the process with MTPD, RTO and optional RPO (ISO-8601 durations such as PT8H)"
              + " and the assets that support it. RTO must not exceed MTPD. Every named asset"
              + " must exist; otherwise nothing is stored.")
  @APIResponse(responseCode = "201", description = "Registered; Location names the process")
  @APIResponse(responseCode = "400", description = "A field is missing or malformed")
  @APIResponse(responseCode = "404", description = "A supporting asset does not exist")
  @APIResponse(responseCode = "422", description = "A domain rule is broken, e.g. RTO > MTPD")
  public Response register(
      RegisterProcessRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
    validator.check(request);
    List<String> assets = request.supportedBy() == null ? List.of() : request.supportedBy();
    if (assets.stream().distinct().count() != assets.size()) {
      throw new RuleViolation("supportedBy", "An asset is named more than once");
    }
    for (String assetId : assets) {
      queries
          .query(new FindAsset(assetId), ResponseTypes.optionalInstanceOf(AssetView.class))
          .join()
          .orElseThrow(() -> new NotFound("supportedBy", "Asset", assetId));
    }
    String id = UUID.randomUUID().toString();
    commands.sendAndWait(
        new RegisterProcess(
            id,
            request.name().strip(),
            request.description(),
            Boolean.TRUE.equals(request.critical()),
            Boolean.TRUE.equals(request.crownJewel()),
            request.owner(),
            request.mtpd(),
            request.rto(),
            request.rpo(),
            assets));
    return Response.created(uri.getAbsolutePathBuilder().path(id).build())
        .entity(new Created(id))
        .build();
  }

  @GET
  @RolesAllowed({
    Roles.BCM_MANAGER,
    Roles.PROCESS_OWNER,
    Roles.PLAN_OWNER,
    Roles.INCIDENT_COMMANDER,
    Roles.RECOVERY_TEAM,
    Roles.MANAGEMENT,
    Roles.AUDITOR
  })
  @Operation(summary = "List processes, ordered by RTO then name")
  public List<ProcessView> list() {
    return queries
        .query(new ListProcesses(), ResponseTypes.multipleInstancesOf(ProcessView.class))
        .join();
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({
    Roles.BCM_MANAGER,
    Roles.PROCESS_OWNER,
    Roles.PLAN_OWNER,
    Roles.INCIDENT_COMMANDER,
    Roles.RECOVERY_TEAM,
    Roles.MANAGEMENT,
    Roles.AUDITOR
  })
  @Operation(summary = "One process with its targets and supporting assets")
  @APIResponse(responseCode = "404", description = "No such process")
  public ProcessView get(@PathParam("id") String id) {
    return queries
        .query(new FindProcess(id), ResponseTypes.optionalInstanceOf(ProcessView.class))
        .join()
        .orElseThrow(() -> new NotFound("Process", id));
  }
}
