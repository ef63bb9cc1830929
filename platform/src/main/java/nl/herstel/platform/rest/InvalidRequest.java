package nl.herstel.platform.rest;

import java.util.List;
import nl.herstel.platform.rest.Problem.FieldError;

/**
 * A request that fails validation, with every bad field. Not a Bean Validation exception on
 * purpose: the JAX-RS runtime maps those itself, as 500 or plain text.
 */
public class InvalidRequest extends RuntimeException {
  private final List<FieldError> errors;

  public InvalidRequest(List<FieldError> errors) {
    super("One or more fields are not valid");
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
