package nl.herstel.contracts.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * A person was trained for a role in the recovery ("flying hours", DOMAIN.md step 3).
 *
 * @param recordId the training record; the subject
 * @param person the person's contact id in the plan
 * @param role the role trained for
 * @param planId the plan trained for; null for training that counts for every plan
 * @param topic what was trained
 * @param trainedOn the day of the training
 * @param validUntil until when it counts
 * @param occurredAt when it was recorded
 */
public record TrainingRecorded(
    String recordId,
    String person,
    String role,
    String planId,
    String topic,
    LocalDate trainedOn,
    LocalDate validUntil,
    Instant occurredAt)
    implements IntegrationEvent {

  public TrainingRecorded {
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(trainedOn, "trainedOn");
    Objects.requireNonNull(validUntil, "validUntil");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return recordId;
  }
}
