package nl.herstel.platform.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
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
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import nl.herstel.platform.axon.AxonRuntime;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.kafka.DeadLetter;
import nl.herstel.platform.kafka.DeadLetters;
import nl.herstel.platform.kafka.KafkaSubscriber;
import nl.herstel.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Every service's dead letters: the Kafka records it set aside after they kept failing (see {@link
 * KafkaSubscriber}). The BCM manager, who answers for the whole recovery system, replays one after
 * the cause is fixed or discards it with a reason; auditors read them.
 */
@Path("/dead-letters")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dead letters", description = "Events this service could not apply, set aside")
@RolesAllowed({Roles.BCM_MANAGER, Roles.AUDITOR})
public class DeadLetterResource {
  @Inject AxonRuntime axon;
  @Inject RequestValidator validator;
  @Context SecurityContext security;

  /** Why a dead letter is set aside for good. */
  @Schema(description = "Why a dead letter is discarded")
  public record DiscardRequest(@NotBlank @Size(max = 2000) String reason) {}

  /** The schema of a page of dead letters, for the OpenAPI document. */
  @Schema(description = "One page of dead letters; follow `next` until it is absent")
  public record DeadLetterPage(List<DeadLetter> items, String next, Long total) {}

  @GET
  @Operation(
      operationId = "listDeadLetters",
      summary = "Dead letters, oldest first",
      description =
          "Records this service could not apply after several attempts; `status` filters"
              + " (PENDING, REPLAYED, DISCARDED). `total` counts the filtered list.")
  @APIResponse(
      responseCode = "200",
      description = "A page of dead letters",
      content = @Content(schema = @Schema(implementation = DeadLetterPage.class)))
  @APIResponse(
      responseCode = "400",
      description = "A bad status, limit or cursor",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Page<DeadLetter> list(
      @QueryParam("status") DeadLetter.Status status,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    int size = Page.limit(limit);
    DeadLetters letters = subscriber().deadLetters();
    String after = Page.after(cursor);
    if (after != null && after.indexOf('|') < 0) {
      throw new InvalidRequest(
          List.of(new Problem.FieldError("cursor", "not a cursor of this list")));
    }
    List<DeadLetter> rows = letters.list(status, after, size);
    Long total = status == null ? null : letters.count(status);
    return Page.of(rows, size, DeadLetters::sortKey, uri, total);
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getDeadLetter",
      summary = "One dead letter, with its record",
      description =
          "The record as it arrived (topic, partition, offset, key, headers, payload), why it failed"
              + " the last time, how often it was tried (attempts), and what became of it (status).")
  @APIResponse(
      responseCode = "200",
      description = "The dead letter",
      content = @Content(schema = @Schema(implementation = DeadLetter.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such dead letter",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public DeadLetter get(@PathParam("id") String id) {
    return subscriber()
        .deadLetters()
        .find(uuid(id))
        .orElseThrow(() -> new NotFound("id", "Dead letter", id));
  }

  @POST
  @Path("/{id}/replay")
  @RolesAllowed(Roles.BCM_MANAGER)
  @Operation(
      operationId = "replayDeadLetter",
      summary = "Apply a dead letter again",
      description =
          "After the cause is fixed. Applied at most once (its CloudEvent id is checked); it may"
              + " now land after newer events of the same subject.")
  @APIResponse(
      responseCode = "200",
      description = "Applied; the dead letter is REPLAYED",
      content = @Content(schema = @Schema(implementation = DeadLetter.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such dead letter",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "Not pending, or it failed again (the detail says why)",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public DeadLetter replay(@PathParam("id") String id) {
    return subscriber().replay(uuid(id), principal());
  }

  @POST
  @Path("/{id}/discard")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.BCM_MANAGER)
  @Operation(
      operationId = "discardDeadLetter",
      summary = "Set a dead letter aside for good",
      description =
          "With a reason, kept with who discarded it and when; the record is never applied.")
  @APIResponse(
      responseCode = "200",
      description = "The dead letter is DISCARDED",
      content = @Content(schema = @Schema(implementation = DeadLetter.class)))
  @APIResponse(
      responseCode = "400",
      description = "No reason given",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "Not pending",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public DeadLetter discard(@PathParam("id") String id, DiscardRequest request) {
    validator.check(request);
    return subscriber().discard(uuid(id), principal(), request.reason().strip());
  }

  private KafkaSubscriber subscriber() {
    return axon.subscriber().orElseThrow(() -> new NotFound("Resource", "dead-letters"));
  }

  private String principal() {
    return security.getUserPrincipal() == null ? "unknown" : security.getUserPrincipal().getName();
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFound("id", "Dead letter", id);
    }
  }
}
