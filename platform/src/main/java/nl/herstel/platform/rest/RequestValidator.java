package nl.herstel.platform.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import nl.herstel.platform.domain.RuleViolation;
import nl.herstel.platform.rest.Problem.FieldError;

/**
 * Validates a request body with Bean Validation and rejects it with a problem that names every bad
 * field. Resources call it explicitly instead of {@code @Valid}: the JAX-RS runtime's own mapper
 * for {@code @Valid} failures answers in plain text, not RFC 9457.
 */
@ApplicationScoped
public class RequestValidator {
  @Inject Validator validator;

  /** {@code body}, if present and valid; otherwise a 400 naming each bad field. */
  public <T> T check(T body) {
    if (body == null) {
      throw new RuleViolation("body", "A JSON request body is required");
    }
    Set<ConstraintViolation<T>> violations = validator.validate(body);
    if (!violations.isEmpty()) {
      List<FieldError> errors = new ArrayList<>();
      for (ConstraintViolation<T> violation : violations) {
        errors.add(
            new FieldError(
                ProblemMapper.field(violation.getPropertyPath()), violation.getMessage()));
      }
      errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
      throw new InvalidRequest(errors);
    }
    return body;
  }
}
