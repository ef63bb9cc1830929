package nl.herstel.lessons.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import nl.herstel.contracts.incidents.Severity;
import nl.herstel.lessons.api.EvaluationCommands.SetEvaluationPolicy;
import nl.herstel.lessons.api.EvaluationPolicyRules;
import nl.herstel.lessons.api.EvaluationQueries.FindEvaluationPolicy;
import nl.herstel.lessons.query.EvaluationPolicyView;
import nl.herstel.platform.rest.Problem;
import nl.herstel.platform.rest.RequestValidator;
import nl.herstel.platform.rest.Versions;
import nl.herstel.platform.security.Roles;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The evaluation policy: which closed incidents require an evaluation, and by when. */
@Path("/evaluation-policy")
@RequestScoped
@Tag(name = "Evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({
  Roles.BCM_MANAGER,
  Roles.INCIDENT_COMMANDER,
  Roles.MANAGEMENT,
  Roles.AUDITOR,
  Roles.PROCESS_OWNER
})
public class EvaluationPolicyResource {
  @Inject CommandGateway commands;
  @Inject QueryGateway queries;
  @Inject RequestValidator validator;

  /** The policy as a BCM manager writes it. */
  @Schema(name = "EvaluationPolicyRequest")
  public record PolicyRequest(
      @Schema(
              description =
                  "The lowest severity that requires an evaluation; null: none by severity")
          Severity minimumSeverity,
      @Schema(description = "Incident categories that always require one") @Size(max = 100)
          List<@NotBlank @Size(max = 100) String> categories,
      @Schema(description = "Whether any breached RTO or MTPD requires one") @NotNull
          Boolean anyDeadlineBreached,
      @Schema(description = "How long after closure the final evaluation is due, e.g. P14D")
          @NotNull
          Duration dueAfterClosure) {}

  /** The version a change produced; also the ETag. */
  public record PolicyVersion(long version) {}

  @GET
  @Operation(
      operationId = "getEvaluationPolicy",
      summary = "The evaluation policy in force",
      description =
          "Until a BCM manager sets one, the default: minimumSeverity HIGH, any RTO/MTPD breach,"
              + " due P14D after closure (version 0). The ETag gives the version for If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "The policy",
      content = @Content(schema = @Schema(implementation = EvaluationPolicyView.class)))
  public Response get() {
    EvaluationPolicyView policy = current();
    return Response.ok(policy).tag(Versions.tag(policy.version())).build();
  }

  @PUT
  @RolesAllowed(Roles.BCM_MANAGER)
  @Operation(
      operationId = "setEvaluationPolicy",
      summary = "Replace the evaluation policy",
      description =
          "Applies to every closed incident, also those closed before. If-Match (optional) must"
              + " name the current version; a stale one is 412.")
  @APIResponse(
      responseCode = "200",
      description = "Set; the body and ETag give the new version",
      content = @Content(schema = @Schema(implementation = PolicyVersion.class)))
  @APIResponse(
      responseCode = "400",
      description = "A field is missing or malformed (names it)",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "412",
      description = "If-Match names an older version",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "422",
      description = "dueAfterClosure is not positive or longer than P366D",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response set(@HeaderParam("If-Match") String ifMatch, PolicyRequest request) {
    validator.check(request);
    Long expected = Versions.ifMatch(ifMatch);
    long version =
        commands.sendAndWait(
            new SetEvaluationPolicy(
                EvaluationPolicyRules.POLICY_ID,
                new EvaluationPolicyRules(
                    request.minimumSeverity(),
                    request.categories() == null
                        ? List.of()
                        : request.categories().stream().map(String::strip).distinct().toList(),
                    request.anyDeadlineBreached(),
                    request.dueAfterClosure()),
                expected));
    return Response.ok(new PolicyVersion(version)).tag(Versions.tag(version)).build();
  }

  private EvaluationPolicyView current() {
    return queries.query(new FindEvaluationPolicy(), EvaluationPolicyView.class).join();
  }
}
