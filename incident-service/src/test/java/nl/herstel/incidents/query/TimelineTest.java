package nl.herstel.incidents.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void anEventTypeItDoesNotKnowGetsItsNameInWordsAndItsTextualFields() throws Exception {
    String summary =
        Timeline.summary(
            "NotificationSubmitted",
            json.readTree(
                "{\"incidentId\":\"i1\",\"authority\":\"DPA\",\"reference\":\"R-1\","
                    + "\"nested\":{\"x\":1},\"late\":false}"));
    assertThat(summary)
        .isEqualTo("Notification submitted: authority DPA; reference R-1; late false");
  }

  @Test
  void knownTypesGetATailoredLineAndEveryEntryKeepsWhoAndWhen() throws Exception {
    Instant at = Instant.parse("2026-11-29T10:00:00Z");
    List<TimelineEntry> timeline =
        Timeline.of(
            List.of(
                new HistoryEntry(
                    3,
                    "EvidenceVerified",
                    at,
                    "test-recovery-team",
                    "recovery-team",
                    "c",
                    "c",
                    "rest",
                    json.readTree("{\"itemId\":\"e1\",\"matches\":false}"))));
    assertThat(timeline).hasSize(1);
    TimelineEntry entry = timeline.get(0);
    assertThat(entry.summary()).isEqualTo("Evidence e1 verified: HASH MISMATCH");
    assertThat(entry.by()).isEqualTo("test-recovery-team");
    assertThat(entry.at()).isEqualTo(at);
    assertThat(entry.sequence()).isEqualTo(3);
  }

  @Test
  void aLongSummaryIsCutToOneLine() throws Exception {
    String summary =
        Timeline.summary(
            "CommunicationLogged",
            json.readTree(
                "{\"audience\":\"MEDIA\",\"channel\":\"PRESS\",\"message\":\"line\\n"
                    + "x".repeat(500)
                    + "\"}"));
    assertThat(summary).hasSize(Timeline.MAX_SUMMARY).doesNotContain("\n").startsWith("To MEDIA");
  }
}
