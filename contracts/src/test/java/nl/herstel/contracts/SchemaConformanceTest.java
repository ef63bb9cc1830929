package nl.herstel.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import nl.herstel.contracts.bia.AssetRegistered;
import nl.herstel.contracts.bia.ProcessRegistered;
import nl.herstel.contracts.incidents.IncidentOpened;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaConformanceTest {

  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

  private static JsonNode schemaJson(EventType type) {
    try (InputStream in =
        SchemaConformanceTest.class.getClassLoader().getResourceAsStream(type.schemaPath())) {
      assertThat(in).as(type.schemaPath()).isNotNull();
      return ContractJson.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonSchema schema(EventType type) {
    return FACTORY.getSchema(schemaJson(type), CONFIG);
  }

  private static Set<ValidationMessage> validate(EventType type, JsonNode json) {
    return schema(type).validate(json);
  }

  private static ObjectNode json(IntegrationEvent event) {
    try {
      return (ObjectNode) ContractJson.mapper().readTree(ContractJson.write(event));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static IntegrationEvent sample(Class<? extends IntegrationEvent> type) {
    return Samples.full().stream().filter(type::isInstance).findFirst().orElseThrow();
  }

  @Test
  void everyFullSampleConformsToItsSchema() {
    List<IntegrationEvent> samples = Samples.full();
    assertThat(samples).hasSize(EventTypes.all().size());
    assertThat(samples).extracting(e -> EventTypes.of(e.getClass())).doesNotHaveDuplicates();
    for (IntegrationEvent event : samples) {
      assertThat(validate(EventTypes.of(event.getClass()), json(event)))
          .as(event.getClass().getSimpleName())
          .isEmpty();
    }
  }

  @Test
  void everyMinimalSampleWithNullsConformsToItsSchema() {
    List<IntegrationEvent> samples = Samples.minimal();
    assertThat(samples).hasSize(EventTypes.all().size());
    assertThat(samples).extracting(e -> EventTypes.of(e.getClass())).doesNotHaveDuplicates();
    for (IntegrationEvent event : samples) {
      assertThat(validate(EventTypes.of(event.getClass()), json(event)))
          .as(event.getClass().getSimpleName())
          .isEmpty();
    }
  }

  @Test
  void everySampleSurvivesARoundTrip() {
    List<IntegrationEvent> samples =
        Stream.concat(Samples.full().stream(), Samples.minimal().stream()).toList();
    assertThat(samples).hasSize(2 * EventTypes.all().size());
    for (IntegrationEvent event : samples) {
      assertThat(ContractJson.read(ContractJson.write(event), event.getClass())).isEqualTo(event);
    }
  }

  @Test
  void everySchemaIsAValidDraft202012SchemaNamedAfterItsType() {
    JsonSchema metaSchema = FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012));
    assertThat(EventTypes.all()).hasSize(Published.TYPES);
    for (EventType type : EventTypes.all()) {
      JsonNode schema = schemaJson(type);
      assertThat(metaSchema.validate(schema)).as(type.schemaPath()).isEmpty();
      assertThat(schema.get("$id").asText())
          .isEqualTo("https://herstel.nl/schemas/" + type.type() + ".json");
      assertThat(schema.get("title").asText()).isNotBlank();
      assertThat(schema.get("description").asText()).isNotBlank();
      assertThat(schema.get("additionalProperties").asBoolean()).isTrue();
    }
  }

  @Test
  void everySchemaDescribesExactlyTheRecordComponents() {
    assertThat(EventTypes.all()).hasSize(Published.TYPES);
    for (EventType type : EventTypes.all()) {
      JsonNode schema = schemaJson(type);
      Set<String> properties = new HashSet<>();
      schema.get("properties").fieldNames().forEachRemaining(properties::add);
      Set<String> components =
          Arrays.stream(type.recordClass().getRecordComponents())
              .map(c -> c.getName())
              .collect(Collectors.toSet());
      Set<String> required =
          StreamSupport.stream(schema.get("required").spliterator(), false)
              .map(JsonNode::asText)
              .collect(Collectors.toSet());

      assertThat(properties).as(type.type()).isEqualTo(components);
      assertThat(properties).as(type.type()).containsAll(required);
    }
  }

  @Test
  void requiredInTheSchemaExactlyWhenTheRecordRejectsNull() throws Exception {
    List<IntegrationEvent> samples = Samples.full();
    assertThat(samples).hasSize(EventTypes.all().size());
    for (IntegrationEvent event : samples) {
      EventType type = EventTypes.of(event.getClass());
      RecordComponent[] components = event.getClass().getRecordComponents();
      Object[] values = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        values[i] = components[i].getAccessor().invoke(event);
      }
      Constructor<?> canonical =
          event
              .getClass()
              .getDeclaredConstructor(
                  Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new));
      Set<String> nonNull = new HashSet<>();
      for (int i = 0; i < components.length; i++) {
        if (components[i].getType().isPrimitive()) {
          nonNull.add(components[i].getName());
          continue;
        }
        Object[] withNull = values.clone();
        withNull[i] = null;
        try {
          canonical.newInstance(withNull);
        } catch (InvocationTargetException e) {
          assertThat(e.getCause()).isInstanceOf(NullPointerException.class);
          if (String.valueOf(e.getCause().getMessage()).contains(" or ")) {
            // --- h-a --- one of several fields (e.g. "processId or threatId"): the schema's anyOf
            continue;
          }
          nonNull.add(components[i].getName());
        }
      }
      Set<String> required =
          StreamSupport.stream(schemaJson(type).get("required").spliterator(), false)
              .map(JsonNode::asText)
              .collect(Collectors.toSet());

      assertThat(required).as(type.type()).isEqualTo(nonNull);
    }
  }

  @Test
  void everyRequiredFieldIsEnforced() {
    List<IntegrationEvent> samples = Samples.full();
    assertThat(samples).hasSize(EventTypes.all().size());
    int checked = 0;
    for (IntegrationEvent event : samples) {
      EventType type = EventTypes.of(event.getClass());
      for (JsonNode field : schemaJson(type).get("required")) {
        ObjectNode json = json(event);
        json.remove(field.asText());
        assertThat(validate(type, json)).as(type.type() + " without " + field).isNotEmpty();
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(EventTypes.all().size());
  }

  @Test
  void missingRequiredFieldIsRejected() {
    ObjectNode json = json(sample(ProcessRegistered.class));
    json.remove("rto");

    assertThat(validate(EventTypes.of(ProcessRegistered.class), json)).isNotEmpty();
  }

  @Test
  void unknownEnumValueIsRejected() {
    ObjectNode json = json(sample(AssetRegistered.class));
    json.put("kind", "ROBOT");

    assertThat(validate(EventTypes.of(AssetRegistered.class), json)).isNotEmpty();
  }

  @Test
  void unknownEnumValueInANestedValueIsRejected() {
    ObjectNode json = json(sample(IncidentOpened.class));
    json.put("severity", "APOCALYPTIC");

    assertThat(validate(EventTypes.of(IncidentOpened.class), json)).isNotEmpty();
  }

  @Test
  void malformedNestedDurationIsRejected() {
    ObjectNode json = json(sample(IncidentOpened.class));
    ((ObjectNode) json.get("affectedProcesses").get(0)).put("rto", "8 hours");

    assertThat(validate(EventTypes.of(IncidentOpened.class), json)).isNotEmpty();
  }

  @Test
  void malformedInstantIsRejected() {
    ObjectNode json = json(sample(ProcessRegistered.class));
    json.put("occurredAt", "yesterday");

    assertThat(validate(EventTypes.of(ProcessRegistered.class), json)).isNotEmpty();
  }

  @Test
  void additionalFieldsAreAccepted() {
    ObjectNode json = json(sample(ProcessRegistered.class));
    json.put("addedInALaterVersion", "ignored by tolerant readers");

    assertThat(validate(EventTypes.of(ProcessRegistered.class), json)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"8 hours", "PT8h", "P", "PT", "P1DT", "28800", "PT-8H", "8H", "PT0.5S"})
  void malformedDurationIsRejected(String duration) {
    ObjectNode json = json(sample(ProcessRegistered.class));
    json.put("rto", duration);

    assertThat(validate(EventTypes.of(ProcessRegistered.class), json)).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT8H", "P1D", "PT1H30M", "P1DT2H", "PT0S"})
  void isoDurationIsAccepted(String duration) {
    ObjectNode json = json(sample(ProcessRegistered.class));
    json.put("rto", duration);

    assertThat(validate(EventTypes.of(ProcessRegistered.class), json)).isEmpty();
  }
}
