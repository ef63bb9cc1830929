package nl.herstel.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the AsyncAPI document in step with {@link EventTypes} and {@link Topic}. */
class AsyncApiDocumentTest {

  private static String document;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi.yaml")) {
      assertThat(in).as("asyncapi.yaml on the classpath").isNotNull();
      document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void isAnAsyncApi3Document() {
    assertThat(document)
        .startsWith("asyncapi: 3.0.0\n")
        .contains("title: Herstel integration events");
  }

  @Test
  void describesEveryCloudEventsHeader() {
    assertThat(document)
        .contains(
            "ce_id",
            "ce_type",
            "ce_source",
            "ce_time",
            "ce_subject",
            "ce_specversion",
            "traceparent");
  }

  @Test
  void everyTopicIsAChannelAtItsDefaultNameWithItsConfigKey() {
    assertThat(Topic.values()).hasSize(4);
    for (Topic topic : Topic.values()) {
      assertThat(document)
          .contains("address: " + topic.defaultName())
          .contains("`" + topic.configKey() + "`");
    }
  }

  @Test
  void everyEventTypeIsAMessageWithItsSchema() {
    assertThat(EventTypes.all()).hasSize(8);
    for (EventType type : EventTypes.all()) {
      assertThat(document)
          .contains("name: " + type.type())
          .contains("$ref: './" + type.schemaPath() + "'");
    }
  }
}
