package nl.herstel.plans.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import nl.herstel.plans.api.PlanContent;
import nl.herstel.plans.api.PlanContent.CallTreeEntry;
import nl.herstel.plans.api.PlanContent.CommunicationPlan;
import nl.herstel.plans.api.PlanContent.Contact;
import nl.herstel.plans.api.PlanContent.Mandate;
import nl.herstel.plans.api.PlanContent.SupplierAgreement;
import nl.herstel.plans.api.PlanContent.Team;
import nl.herstel.plans.api.ScenarioCard;
import nl.herstel.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A plan's content as a client writes it, to create a plan or to replace its content (a new
 * version). Every list may be left out.
 *
 * @param publish on create only: publish at once as version 1 (the default, as plans were made
 *     before the review cycle); {@code false} starts a DRAFT
 * @param reason why this version, kept with it
 */
@Schema(description = "The content of a recovery plan; every change is a new version")
public record PlanRequest(
    @NotBlank @Size(max = 200) String name,
    @Size(max = 200) String owner,
    @Size(max = 4000) String description,
    @Size(max = 200) List<@NotBlank @Size(max = 64) String> coveredProcessIds,
    @Schema(description = "roles that may activate the plan; default incident-commander")
        @Size(max = 8)
        List<@NotBlank @Size(max = 64) String> activationRoles,
    @Size(max = 50) List<@NotBlank @Size(max = 2000) String> activationCriteria,
    @Size(max = 50) List<@NotBlank @Size(max = 2000) String> terminationCriteria,
    @Size(max = 100) List<@NotNull @Valid Mandate> mandates,
    @Size(max = 500) List<@NotNull @Valid Contact> contacts,
    @Size(max = 50) List<@NotNull @Valid Team> teams,
    @Size(max = 200) List<@NotNull @Valid CallTreeEntry> callTree,
    @Size(max = 200) List<@NotNull @Valid SupplierAgreement> suppliers,
    @Valid CommunicationPlan communication,
    @Size(max = 100) List<@NotNull @Valid ScenarioCard> scenarioCards,
    LocalDate reviewDue,
    Boolean publish,
    @Size(max = 2000) String reason) {

  PlanContent content() {
    return new PlanContent(
        name.strip(),
        owner,
        description,
        coveredProcessIds,
        activationRoles == null ? List.of(Roles.INCIDENT_COMMANDER) : activationRoles,
        activationCriteria,
        terminationCriteria,
        mandates,
        contacts,
        teams,
        callTree,
        suppliers,
        communication,
        scenarioCards == null
            ? List.of()
            : scenarioCards.stream()
                .map(
                    c ->
                        new ScenarioCard(
                            c.id(), c.scenario(), c.title().strip(), c.threatIds(), c.steps()))
                .toList(),
        reviewDue);
  }
}
