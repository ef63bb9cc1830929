package nl.herstel.platform.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem details document: a stable {@code type} URI per kind of error, a human {@code
 * detail}, and for validation errors every offending field. No stack traces or class names ever go
 * on the wire.
 *
 * @param type identifies the kind of problem; stable, documented in the README
 * @param title short summary of the kind
 * @param status the HTTP status
 * @param detail what went wrong with this request
 * @param instance the request path
 * @param errors one entry per bad field (validation problems only)
 * @param errorId for 500s: the id under which the server logged the cause
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    URI type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors,
    String errorId) {

  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String BASE = "https://herstel.nl/problems/";

  /** One bad field: its JSON path as the client wrote it, and what is wrong with it. */
  public record FieldError(String field, String message) {}

  /** The kinds of problem, each with its stable type URI and title. */
  public enum Kind {
    VALIDATION("validation", "The request is not valid", 400),
    MALFORMED("malformed-request", "The request body could not be read", 400),
    RULE_VIOLATION("rule-violation", "The request breaks a domain rule", 422),
    NOT_FOUND("not-found", "Not found", 404),
    CONFLICT("conflict", "Conflict with the current state", 409),
    PRECONDITION_FAILED(
        "precondition-failed", "The version you edited is not the current one", 412),
    UNAUTHORIZED("unauthorized", "Authentication required", 401),
    FORBIDDEN("forbidden", "Not allowed for your role", 403),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", "Cannot produce the requested media type", 406),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    PAYLOAD_TOO_LARGE("payload-too-large", "The request body is too large", 413),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests", 429),
    UNAVAILABLE("unavailable", "Temporarily unavailable", 503),
    INTERNAL("internal", "Internal error", 500),
    HTTP("http", "HTTP error", 0);

    private final String slug;
    private final String title;
    private final int status;

    Kind(String slug, String title, int status) {
      this.slug = slug;
      this.title = title;
      this.status = status;
    }

    public URI type() {
      return URI.create(BASE + slug);
    }

    public String title() {
      return title;
    }

    public int status() {
      return status;
    }
  }

  public static Problem of(Kind kind, String detail, String instance) {
    return new Problem(kind.type(), kind.title(), kind.status(), detail, instance, List.of(), null);
  }

  /**
   * The problem for an answer known only by its status (a refusal by the server or the JAX-RS
   * runtime): the kind with that status and its usual detail, else {@code detail}.
   */
  public static Problem forStatus(int status, String detail, String instance) {
    for (Kind kind : Kind.values()) {
      if (kind.status() == status) {
        String text =
            switch (kind) {
              case NOT_FOUND -> "No resource at " + (instance == null ? "this path" : instance);
              case METHOD_NOT_ALLOWED -> "This method is not supported here";
              case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json";
              case NOT_ACCEPTABLE -> "This resource produces application/json";
              case UNAUTHORIZED ->
                  "Send a valid bearer token (Authorization: Bearer <JWT>)" + " issued for Herstel";
              case FORBIDDEN -> "Your role may not do this";
              case UNAVAILABLE -> "Temporarily unavailable; try again shortly";
              default -> detail;
            };
        return of(kind, text, instance);
      }
    }
    Response.Status known = Response.Status.fromStatusCode(status);
    return of(Kind.HTTP, detail, instance)
        .withStatus(status, known == null ? "HTTP " + status : known.getReasonPhrase());
  }

  public static Problem validation(String detail, String instance, List<FieldError> errors) {
    Kind kind = Kind.VALIDATION;
    return new Problem(kind.type(), kind.title(), kind.status(), detail, instance, errors, null);
  }

  public Problem withErrors(List<FieldError> fieldErrors) {
    return new Problem(type, title, status, detail, instance, List.copyOf(fieldErrors), errorId);
  }

  public Problem withErrorId(String id) {
    return new Problem(type, title, status, detail, instance, errors, id);
  }

  public Problem withStatus(int httpStatus, String httpTitle) {
    return new Problem(type, httpTitle, httpStatus, detail, instance, errors, errorId);
  }

  /** How long a client should wait before retrying a 503, in seconds ({@code Retry-After}). */
  public static final int RETRY_AFTER_SECONDS = 5;

  public Response toResponse() {
    Response.ResponseBuilder response =
        Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this);
    if (status == 503) {
      response.header("Retry-After", RETRY_AFTER_SECONDS);
    }
    return response.build();
  }
}
