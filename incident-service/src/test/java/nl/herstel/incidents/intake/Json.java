package nl.herstel.incidents.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import nl.herstel.platform.rest.InvalidRequest;
import nl.herstel.platform.rest.Problem.FieldError;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Payloads for the adapter tests, and the field a rejection names. */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static List<String> rejectedFields(ThrowingCallable call) {
    Throwable thrown = Assertions.catchThrowable(call);
    Assertions.assertThat(thrown).isInstanceOf(InvalidRequest.class);
    return ((InvalidRequest) thrown).errors().stream().map(FieldError::field).toList();
  }
}
