package nl.herstel.lessons.rest;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import nl.herstel.platform.rest.InvalidRequest;
import nl.herstel.platform.rest.Problem;

/**
 * Enum filters of lists read as text, so that an unknown value is a 400 naming the parameter (the
 * JAX-RS runtime answers an unconvertible query parameter with a bare 404).
 */
final class QueryParams {
  private QueryParams() {}

  static <E extends Enum<E>> E parse(String name, String value, Class<E> type) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      String allowed =
          Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
      throw new InvalidRequest(
          List.of(
              new Problem.FieldError(name, "unknown value '" + value + "'; allowed: " + allowed)));
    }
  }
}
