package nl.herstel.plans.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import nl.herstel.plans.api.PlanCommands.RecordBundle;
import nl.herstel.plans.api.PlanQueries.FindBundleSource;
import nl.herstel.plans.bundle.BundleWriter;
import nl.herstel.plans.bundle.BundleWriter.Bundle;
import nl.herstel.plans.bundle.BundleWriter.Format;
import nl.herstel.plans.bundle.OpenPgp;
import nl.herstel.plans.bundle.SigningKey;
import nl.herstel.plans.config.BundleConfig;
import nl.herstel.plans.query.PlanBundleSource;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.domain.RuleViolation;
import nl.herstel.platform.rest.Problem;
import nl.herstel.platform.rest.RequestValidator;
import nl.herstel.platform.security.Roles;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The plan kept at hand: the published version as one signed bundle to carry offline (DOMAIN.md,
 * step 2: "protected yet available ... separate from the own network"), optionally encrypted, and
 * the public key that verifies its signatures. Every bundle taken is recorded on the plan.
 */
@Path("/")
@RequestScoped
@Tag(name = "Plan bundle")
@RolesAllowed({
  Roles.BCM_MANAGER,
  Roles.PLAN_OWNER,
  Roles.INCIDENT_COMMANDER,
  Roles.RECOVERY_TEAM,
  Roles.MANAGEMENT,
  Roles.AUDITOR
})
public class BundleResource {
  @Inject QueryGateway queries;
  @Inject CommandGateway commands;
  @Inject SigningKey signingKey;
  @Inject BundleConfig config;
  @Inject RequestValidator validator;

  /**
   * How to encrypt a bundle: to a passphrase, or to a recipient's OpenPGP public key.
   *
   * @param format zip (default: HTML and PDF with their signatures and the key), html or pdf
   * @param passphrase at least 12 characters mixing three kinds (lower, upper, digits, others), or
   *     20 characters; never stored or logged
   * @param publicKey an ASCII-armoured OpenPGP public key that can encrypt
   */
  @Schema(description = "How to encrypt a bundle; give a passphrase or a publicKey")
  public record EncryptedBundleRequest(
      @Schema(enumeration = {"zip", "html", "pdf"}) String format,
      @Size(max = 1000) String passphrase,
      @Size(max = 100_000) String publicKey) {}

  @GET
  @Path("/{id}/bundle")
  @Produces({"application/zip", "text/html", "application/pdf", Problem.MEDIA_TYPE})
  @Operation(
      operationId = "getPlanBundle",
      summary = "The published plan as a signed bundle to keep offline",
      description =
          "The plan's published version with its call tree, contacts, suppliers, communication"
              + " plan, scenario cards and the systems behind its processes. format=zip (default):"
              + " plan.html, plan.pdf, a detached OpenPGP signature of each (.asc), the signing key"
              + " and a README; format=html or pdf: that document alone, its armoured signature"
              + " base64-encoded in the Herstel-Signature header. Each states its version and the"
              + " moment it was taken (also in Herstel-Plan-Version, Herstel-Bundle-Taken-At);"
              + " the plan lists the bundles taken. A plan never published is a 422 naming it.")
  @APIResponse(
      responseCode = "200",
      description = "The bundle",
      content = {
        @Content(
            mediaType = "application/zip",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "text/html",
            schema = @Schema(type = SchemaType.STRING, description = "plan.html")),
        @Content(
            mediaType = "application/pdf",
            schema = @Schema(type = SchemaType.STRING, format = "binary"))
      })
  @APIResponse(
      responseCode = "400",
      description = "An unknown format",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such plan",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "422",
      description = "The plan was never published",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Response bundle(@PathParam("id") String id, @QueryParam("format") String format) {
    Format chosen = format(format);
    PlanBundleSource plan = published(id);
    Instant takenAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Bundle bundle = BundleWriter.write(plan, chosen, takenAt, signingKey);
    record(plan, chosen, false, bundle);
    Response.ResponseBuilder answer =
        Response.ok(bundle.bytes(), chosen.mediaType())
            .header(
                "Content-Disposition",
                "attachment; filename=\"plan-v"
                    + plan.publishedVersion()
                    + "."
                    + chosen.extension()
                    + "\"")
            .header("Herstel-Plan-Version", plan.publishedVersion())
            .header("Herstel-Bundle-Taken-At", takenAt.toString())
            .header("Herstel-Bundle-Sha256", bundle.sha256());
    if (bundle.signature() != null) {
      answer.header(
          "Herstel-Signature",
          Base64.getEncoder()
              .encodeToString(bundle.signature().getBytes(StandardCharsets.US_ASCII)));
    }
    return answer.build();
  }

  @POST
  @Path("/{id}/bundle")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({"application/octet-stream", Problem.MEDIA_TYPE})
  @Operation(
      operationId = "encryptPlanBundle",
      summary = "The published plan as a signed bundle, encrypted",
      description =
          "The same bundle as GET, as an OpenPGP message (AES-256, integrity-protected) encrypted"
              + " to the passphrase or to the public key given: gpg --decrypt plan-v4.zip.gpg >"
              + " plan-v4.zip. A POST so the passphrase never appears in a URL or an access log.")
  @APIResponse(
      responseCode = "200",
      description = "The encrypted bundle",
      content =
          @Content(
              mediaType = "application/octet-stream",
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(
      responseCode = "400",
      description = "A field is malformed",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such plan",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "422",
      description =
          "A passphrase too weak, a key that cannot encrypt, neither or both given, or a plan never"
              + " published (each names the field)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Response encrypted(@PathParam("id") String id, EncryptedBundleRequest request) {
    validator.check(request);
    Format chosen = format(request.format());
    boolean toPassphrase = request.passphrase() != null;
    boolean toKey = request.publicKey() != null && !request.publicKey().isBlank();
    if (toPassphrase == toKey) {
      throw new RuleViolation(
          "passphrase", "Give either a passphrase or a publicKey to encrypt the bundle to");
    }
    PGPPublicKeyRing recipient = null;
    if (toPassphrase) {
      checkStrength(request.passphrase());
    } else {
      try {
        recipient = OpenPgp.publicKeyRing(request.publicKey());
      } catch (IllegalArgumentException e) {
        throw new RuleViolation("publicKey", "Not an ASCII-armoured OpenPGP public key");
      }
    }
    PlanBundleSource plan = published(id);
    Instant takenAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Bundle bundle = BundleWriter.write(plan, chosen, takenAt, signingKey);
    String inner = "plan-v" + plan.publishedVersion() + "." + chosen.extension();
    byte[] encrypted;
    try {
      encrypted =
          toPassphrase
              ? OpenPgp.encryptToPassphrase(
                  bundle.bytes(), inner, request.passphrase().toCharArray())
              : OpenPgp.encryptToKey(bundle.bytes(), inner, recipient);
    } catch (IllegalArgumentException e) {
      throw new RuleViolation("publicKey", "The public key has no key that can encrypt");
    }
    Bundle sent = new Bundle(encrypted, null, BundleWriter.sha256(encrypted));
    record(plan, chosen, true, sent);
    return Response.ok(encrypted, "application/octet-stream")
        .header("Content-Disposition", "attachment; filename=\"" + inner + ".gpg\"")
        .header("Herstel-Plan-Version", plan.publishedVersion())
        .header("Herstel-Bundle-Taken-At", takenAt.toString())
        .header("Herstel-Bundle-Sha256", sent.sha256())
        .build();
  }

  @GET
  @Path("/bundle-key")
  @Produces({"application/pgp-keys", MediaType.TEXT_PLAIN})
  @Operation(
      operationId = "getBundleSigningKey",
      summary = "The OpenPGP public key that verifies plan bundles",
      description =
          "ASCII-armoured; its fingerprint is in the Herstel-Key-Fingerprint header and in every"
              + " bundle. Import it with gpg --import, then gpg --verify plan.pdf.asc plan.pdf.")
  @APIResponse(
      responseCode = "200",
      description = "The public key",
      content =
          @Content(
              mediaType = "application/pgp-keys",
              schema = @Schema(type = SchemaType.STRING, description = "An armoured public key")))
  public Response signingKey() {
    return Response.ok(signingKey.publicKey(), "application/pgp-keys")
        .header("Herstel-Key-Fingerprint", signingKey.fingerprint())
        .build();
  }

  private void checkStrength(String passphrase) {
    int kinds = 0;
    kinds += passphrase.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
    kinds += passphrase.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
    kinds += passphrase.chars().anyMatch(Character::isDigit) ? 1 : 0;
    kinds += passphrase.chars().anyMatch(ch -> !Character.isLetterOrDigit(ch)) ? 1 : 0;
    long distinct = passphrase.chars().distinct().count();
    boolean longEnough = passphrase.length() >= config.minPassphraseLength();
    if (!longEnough || distinct < 6 || (kinds < 3 && passphrase.length() < 20)) {
      throw new RuleViolation(
          "passphrase",
          "The passphrase is too weak: use at least "
              + config.minPassphraseLength()
              + " characters mixing three of lower case, upper case, digits and others, or at"
              + " least 20 characters");
    }
  }

  private PlanBundleSource published(String id) {
    PlanBundleSource plan =
        queries
            .query(
                new FindBundleSource(id), ResponseTypes.optionalInstanceOf(PlanBundleSource.class))
            .join()
            .orElseThrow(() -> new NotFound("Plan", id));
    if (plan.publishedVersion() == null) {
      throw new RuleViolation(
          "id",
          "Plan '"
              + plan.name()
              + "' ("
              + id
              + ") was never published; only a published plan can be bundled. It is "
              + plan.status()
              + ".");
    }
    return plan;
  }

  private void record(PlanBundleSource plan, Format format, boolean encrypted, Bundle bundle) {
    commands.sendAndWait(
        new RecordBundle(
            plan.planId(),
            plan.publishedVersion(),
            UUID.randomUUID().toString(),
            format.name(),
            encrypted,
            bundle.sha256()));
  }

  private static Format format(String format) {
    if (format == null || format.isBlank()) {
      return Format.ZIP;
    }
    try {
      return Format.valueOf(format.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new nl.herstel.platform.rest.InvalidRequest(
          java.util.List.of(new Problem.FieldError("format", "must be zip, html or pdf")));
    }
  }
}
