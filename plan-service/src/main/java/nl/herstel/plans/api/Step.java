package nl.herstel.plans.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One step of a scenario card: what to do, who does it, how long it should take and which steps
 * must be done first. A step given as a plain string (how the first plans wrote them) is a step
 * with only that title.
 *
 * @param id stable within its card; {@code step-<n>} when absent
 * @param title what to do, in a line
 * @param instructions how, in detail
 * @param role who does it: a Herstel role or a role of the plan's recovery organisation
 * @param expectedDuration how long it should take (ISO-8601, e.g. PT2H)
 * @param order the position in the card, from 1; the list position when absent
 * @param dependsOn ids of the steps of the same card that must be done first
 */
@Schema(description = "A step of a scenario card; a plain string is read as a step with that title")
public record Step(
    @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*") String id,
    @NotBlank @Size(max = 500) String title,
    @Size(max = 4000) String instructions,
    @Size(max = 64) String role,
    Duration expectedDuration,
    @Positive Integer order,
    @Size(max = 50) List<@NotBlank @Size(max = 64) String> dependsOn) {

  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  public Step {
    dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
  }

  /** A step with only a title. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Step of(String title) {
    return new Step(null, title, null, null, null, null, List.of());
  }
}
