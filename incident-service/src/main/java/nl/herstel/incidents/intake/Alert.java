package nl.herstel.incidents.intake;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import nl.herstel.contracts.incidents.Severity;

/**
 * An alert from a SOC tool in our own terms, whatever format it arrived in.
 *
 * @param source the reporting system, e.g. {@code splunk} or {@code alertmanager}
 * @param sourceId the alert's id in that system; with {@code source} it identifies the alert
 * @param assets hints at the assets hit, in the order the adapter found them: ids, names or
 *     identifiers, resolved by the one rule of {@code AssetResolver}; unknown ones are kept; an
 *     alert may name none
 * @param detectedAt when the disruption was detected; null means now
 * @param raw the payload as the tool sent it, kept on the event; null for our own schema
 * @param updatedAt when the source last changed the alert: updates of one alert that arrive out of
 *     order are applied only when newer than what is stored; null means when it arrives
 * @param correlationKey the source's own grouping of alerts (a case id, an Alertmanager group): an
 *     alert with the key of an open incident's alert from the same source joins that incident; null
 *     when the source gives none
 * @param warnings what of the payload could not be mapped and how it was taken instead; reported in
 *     the answer, never a reason to refuse the alert
 */
public record Alert(
    @NotBlank @Size(max = 100) String source,
    @NotBlank @Size(max = 200) String sourceId,
    @NotBlank @Size(max = 500) String title,
    @NotNull Severity severity,
    @NotNull @Size(max = 100) List<@NotBlank @Size(max = 1000) String> assets,
    Instant detectedAt,
    @Size(max = 10000) String description,
    JsonNode raw,
    Instant updatedAt,
    @Size(max = 200) String correlationKey,
    List<String> warnings) {

  public Alert {
    assets = assets == null ? null : List.copyOf(assets);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /** An alert that maps without warnings. */
  public Alert(
      String source,
      String sourceId,
      String title,
      Severity severity,
      List<String> assets,
      Instant detectedAt,
      String description,
      JsonNode raw,
      Instant updatedAt,
      String correlationKey) {
    this(
        source,
        sourceId,
        title,
        severity,
        assets,
        detectedAt,
        description,
        raw,
        updatedAt,
        correlationKey,
        List.of());
  }

  /** An alert without a correlation key. */
  public Alert(
      String source,
      String sourceId,
      String title,
      Severity severity,
      List<String> assets,
      Instant detectedAt,
      String description,
      JsonNode raw,
      Instant updatedAt) {
    this(source, sourceId, title, severity, assets, detectedAt, description, raw, updatedAt, null);
  }
}
