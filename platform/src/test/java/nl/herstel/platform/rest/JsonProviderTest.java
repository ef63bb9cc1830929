package nl.herstel.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonProviderTest {
  enum Kind {
    DATA
  }

  record Sample(String name, Duration rto, Instant at, Boolean flag, Kind kind) {}

  @Test
  void writesDurationsAndInstantsAsIso8601() throws Exception {
    String json =
        JsonProvider.MAPPER.writeValueAsString(
            new Sample(
                "x", Duration.ofHours(8), Instant.parse("2026-11-29T10:00:00Z"), true, Kind.DATA));
    assertThat(json).contains("\"rto\":\"PT8H\"").contains("\"at\":\"2026-11-29T10:00:00Z\"");
  }

  @Test
  void rejectsUnknownFieldsNamingThem() {
    assertThatThrownBy(() -> JsonProvider.MAPPER.readValue("{\"nmae\":\"x\"}", Sample.class))
        .isInstanceOf(UnrecognizedPropertyException.class);
  }

  @Test
  void rejectsUnknownEnumValues() {
    assertThatThrownBy(
            () -> JsonProvider.MAPPER.readValue("{\"kind\":\"SPACESHIP\"}", Sample.class))
        .isInstanceOf(InvalidFormatException.class);
  }

  @Test
  void rejectsAStringForABoolean() {
    assertThatThrownBy(() -> JsonProvider.MAPPER.readValue("{\"flag\":\"yes\"}", Sample.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void rejectsANumberForAString() {
    assertThatThrownBy(() -> JsonProvider.MAPPER.readValue("{\"name\":42}", Sample.class))
        .isInstanceOf(MismatchedInputException.class);
  }
}
