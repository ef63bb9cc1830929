package nl.herstel.platform.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import nl.herstel.platform.domain.Conflict;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.domain.NotPermitted;
import nl.herstel.platform.domain.RuleViolation;
import nl.herstel.platform.domain.StaleVersion;
import nl.herstel.platform.jdbc.Outages;
import nl.herstel.platform.rest.Problem.FieldError;
import nl.herstel.platform.rest.Problem.Kind;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Turns every exception into an RFC 9457 answer. Client mistakes get a 4xx naming what is wrong;
 * anything else is a 500 whose cause is logged under an error id, never sent.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(Throwable exception) {
    return map(unwrap(exception)).toResponse();
  }

  private static Throwable unwrap(Throwable exception) {
    Throwable current = exception;
    while ((current instanceof jakarta.ws.rs.ProcessingException
            || current instanceof java.util.concurrent.CompletionException
            || current instanceof java.util.concurrent.ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  Problem map(Throwable e) {
    String path = instance();
    if (e instanceof InvalidRequest invalid) {
      return Problem.validation("One or more fields are not valid", path, invalid.errors());
    }
    if (e instanceof ConstraintViolationException violations) {
      return Problem.validation("One or more fields are not valid", path, fieldErrors(violations));
    }
    if (e instanceof StreamConstraintsException limits) {
      return Problem.of(Kind.PAYLOAD_TOO_LARGE, limits.getOriginalMessage(), path);
    }
    if (e instanceof StorableText.Unstorable unstorable) {
      String outer = unstorable.getPath().isEmpty() ? "" : jsonPath(unstorable);
      String inner = unstorable.inner();
      String field =
          outer.isEmpty()
              ? (inner.isEmpty() ? "body" : inner)
              : (inner.isEmpty()
                  ? outer
                  : inner.startsWith("[") ? outer + inner : outer + "." + inner);
      return Problem.validation(
          "Field '" + field + "' " + StorableText.MESSAGE,
          path,
          List.of(new FieldError(field, StorableText.MESSAGE)));
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      String field = jsonPath(unknown);
      return Problem.validation(
          "Unknown field '" + field + "'",
          path,
          List.of(new FieldError(field, "is not a known field")));
    }
    if (e instanceof InvalidFormatException invalid) {
      String field = jsonPath(invalid);
      return Problem.validation(
          "Field '" + field + "' has a value of the wrong form",
          path,
          List.of(new FieldError(field, invalidValue(invalid))));
    }
    if (e instanceof InvalidNullException invalidNull) {
      String field = jsonPath(invalidNull);
      return Problem.validation(
          "Field '" + field + "' must not be null",
          path,
          List.of(new FieldError(field, "must not be null")));
    }
    if (e instanceof ValueInstantiationException instantiation) {
      String field = jsonPath(instantiation);
      Throwable cause = instantiation.getCause();
      String message = cause == null ? "is not valid" : cause.getMessage();
      return Problem.validation(
          "The request body is not valid", path, List.of(new FieldError(field, message)));
    }
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = jsonPath(mapping);
      return Problem.validation(
          "Field '" + field + "' has a value of the wrong type",
          path,
          List.of(new FieldError(field, "has the wrong type: " + mapping.getOriginalMessage())));
    }
    if (e instanceof JsonProcessingException json) {
      return Problem.of(Kind.MALFORMED, "Malformed JSON: " + json.getOriginalMessage(), path);
    }
    if (e instanceof RuleViolation rule) {
      Problem problem = Problem.of(Kind.RULE_VIOLATION, rule.getMessage(), path);
      return rule.field() == null
          ? problem
          : problem.withErrors(List.of(new FieldError(rule.field(), rule.getMessage())));
    }
    if (e instanceof NotFound notFound) {
      Problem problem = Problem.of(Kind.NOT_FOUND, notFound.getMessage(), path);
      return notFound.field() == null
          ? problem
          : problem.withErrors(List.of(new FieldError(notFound.field(), notFound.getMessage())));
    }
    if (e instanceof AggregateNotFoundException) {
      return Problem.of(Kind.NOT_FOUND, "No such resource: " + path, path);
    }
    if (e instanceof NotPermitted notPermitted) {
      return Problem.of(Kind.FORBIDDEN, notPermitted.getMessage(), path);
    }
    if (e instanceof StaleVersion stale) {
      return Problem.of(Kind.PRECONDITION_FAILED, stale.getMessage(), path)
          .withErrors(List.of(new FieldError(stale.field(), stale.getMessage())));
    }
    if (e instanceof Conflict conflict) {
      Problem problem = Problem.of(Kind.CONFLICT, conflict.getMessage(), path);
      return conflict.field() == null
          ? problem
          : problem.withErrors(List.of(new FieldError(conflict.field(), conflict.getMessage())));
    }
    if (e instanceof ConcurrencyException) {
      return Problem.of(
          Kind.CONFLICT,
          "The resource was changed or created concurrently; reload it and try again",
          path);
    }
    if (e instanceof WebApplicationException web) {
      return Problem.forStatus(web.getResponse().getStatus(), web.getMessage(), path);
    }
    if (Outages.isDatabaseUnavailable(e)) {
      LOG.log(Level.WARNING, "The database is unavailable; answered 503 on " + path, e);
      return Problem.of(
          Kind.UNAVAILABLE, "The service cannot reach its database; try again shortly", path);
    }
    String errorId = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unhandled error " + errorId + " on " + path, e);
    return Problem.of(
            Kind.INTERNAL, "An internal error occurred; it was logged as " + errorId, path)
        .withErrorId(errorId);
  }

  private String instance() {
    return uriInfo == null ? null : PublicUris.path(uriInfo);
  }

  static List<FieldError> fieldErrors(ConstraintViolationException e) {
    List<FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
      errors.add(new FieldError(field(violation.getPropertyPath()), violation.getMessage()));
    }
    errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
    return errors;
  }

  /**
   * The client's view of a violation path: properties after the method parameter, with the index of
   * a list element, e.g. {@code scenarioCards[0].steps} or {@code coveredProcessIds[1]}. Bean
   * Validation puts an element's index on the node that follows the container, not on the
   * container's own node; container element nodes ({@code <list element>}) carry no name of their
   * own.
   */
  static String field(Path path) {
    StringBuilder field = new StringBuilder();
    String parameter = null;
    for (Path.Node node : path) {
      ElementKind kind = node.getKind();
      if (kind == ElementKind.PARAMETER) {
        parameter = node.getName();
        continue;
      }
      if (kind != ElementKind.PROPERTY && kind != ElementKind.CONTAINER_ELEMENT) {
        continue;
      }
      if (node.isInIterable() && field.length() > 0) {
        if (node.getIndex() != null) {
          field.append('[').append(node.getIndex()).append(']');
        } else if (node.getKey() != null) {
          field.append('[').append(node.getKey()).append(']');
        }
      }
      if (kind == ElementKind.PROPERTY && node.getName() != null && !node.getName().isEmpty()) {
        if (field.length() > 0) {
          field.append('.');
        }
        field.append(node.getName());
      }
    }
    if (field.length() == 0) {
      return parameter == null ? "body" : parameter;
    }
    return field.toString();
  }

  static String jsonPath(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "body" : path.toString();
  }

  private static String invalidValue(InvalidFormatException e) {
    Class<?> target = e.getTargetType();
    if (target != null && target.isEnum()) {
      String allowed =
          Arrays.stream(target.getEnumConstants())
              .map(Object::toString)
              .collect(Collectors.joining(", "));
      return "unknown value '" + e.getValue() + "'; allowed: " + allowed;
    }
    if (target == java.time.Duration.class) {
      return "'" + e.getValue() + "' is not an ISO-8601 duration such as PT8H or P1D";
    }
    if (target == java.time.Instant.class) {
      return "'" + e.getValue() + "' is not an ISO-8601 instant such as 2026-11-29T10:00:00Z";
    }
    return "'" + e.getValue() + "' is not a valid " + simpleType(target);
  }

  private static String simpleType(Class<?> type) {
    if (type == null) {
      return "value";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
      return "number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "boolean (true or false)";
    }
    return "value";
  }
}
