package nl.herstel.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the AsyncAPI document in step with {@link EventTypes} and {@link Topic}. */
class AsyncApiDocumentTest {

  private static JsonNode document;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi.yaml")) {
      assertThat(in).as("asyncapi.yaml on the classpath").isNotNull();
      document = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
  }

  private static JsonNode resolve(String ref) {
    assertThat(ref).startsWith("#/");
    JsonNode node = document.at(ref.substring(1));
    assertThat(node.isMissingNode()).as(ref).isFalse();
    return node;
  }

  private static List<String> refs(JsonNode node) {
    List<String> found = new ArrayList<>();
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              field -> {
                if (field.getKey().equals("$ref")) {
                  found.add(field.getValue().asText());
                } else {
                  found.addAll(refs(field.getValue()));
                }
              });
    } else if (node.isArray()) {
      node.forEach(item -> found.addAll(refs(item)));
    }
    return found;
  }

  @Test
  void isAnAsyncApi3Document() {
    assertThat(document.path("asyncapi").asText()).isEqualTo("3.0.0");
    assertThat(document.at("/info/title").asText()).isEqualTo("Herstel integration events");
    assertThat(document.at("/info/version").asText()).isEqualTo("1.0.0");
  }

  @Test
  void describesEveryCloudEventsHeader() {
    JsonNode headers = document.at("/components/messageTraits/cloudEvent/headers/properties");
    for (String header :
        List.of(
            "ce_id",
            "ce_type",
            "ce_source",
            "ce_time",
            "ce_subject",
            "ce_specversion",
            "traceparent")) {
      assertThat(headers.has(header)).as(header).isTrue();
      assertThat(document.at("/info/description").asText()).contains("`" + header + "`");
    }
  }

  @Test
  void everyTopicIsAChannelAtItsDefaultNameNamingItsConfigKey() {
    Map<String, JsonNode> byAddress = new HashMap<>();
    document
        .path("channels")
        .forEach(channel -> byAddress.put(channel.path("address").asText(), channel));
    assertThat(byAddress).hasSize(Topic.values().length);
    for (Topic topic : Topic.values()) {
      JsonNode channel = byAddress.get(topic.defaultName());
      assertThat(channel).as(topic.defaultName()).isNotNull();
      assertThat(channel.path("description").asText()).contains("`" + topic.configKey() + "`");
    }
  }

  @Test
  void everyEventTypeIsAMessageOnItsTopicWithItsSchema() {
    assertThat(EventTypes.all()).hasSize(Published.TYPES);
    Set<String> sentTypes = new HashSet<>();
    document
        .path("channels")
        .forEach(
            channel -> {
              Topic topic =
                  Arrays.stream(Topic.values())
                      .filter(t -> t.defaultName().equals(channel.path("address").asText()))
                      .findFirst()
                      .orElseThrow();
              channel
                  .path("messages")
                  .forEach(
                      messageRef -> {
                        JsonNode message = resolve(messageRef.path("$ref").asText());
                        EventType type =
                            EventTypes.byType(message.path("name").asText()).orElseThrow();
                        assertThat(type.topic()).as(type.type()).isEqualTo(topic);
                        assertThat(message.at("/payload/schema/$ref").asText())
                            .isEqualTo("./" + type.schemaPath());
                        sentTypes.add(type.type());
                      });
            });
    assertThat(sentTypes)
        .containsExactlyInAnyOrderElementsOf(
            EventTypes.all().stream().map(EventType::type).toList());
  }

  @Test
  void everyTopicHasASendOperation() {
    Set<String> sentChannels = new HashSet<>();
    document
        .path("operations")
        .forEach(
            operation -> {
              assertThat(operation.path("action").asText()).isEqualTo("send");
              sentChannels.add(
                  resolve(operation.at("/channel/$ref").asText()).path("address").asText());
            });
    assertThat(sentChannels)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(Topic.values()).map(Topic::defaultName).toList());
  }

  @Test
  void everyReferenceResolves() {
    List<String> refs = refs(document);
    assertThat(refs).hasSizeGreaterThan(EventTypes.all().size());
    for (String ref : refs) {
      if (ref.startsWith("#/")) {
        resolve(ref);
      } else {
        assertThat(ref).startsWith("./");
        assertThat(AsyncApiDocumentTest.class.getClassLoader().getResource(ref.substring(2)))
            .as(ref)
            .isNotNull();
      }
    }
  }
}
