package nl.herstel.plans.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Everything a recovery plan (herstelplan, DOMAIN.md step 2) says, as one versioned document: who
 * owns it and what it recovers; when it is activated and when recovery ends; who may decide what;
 * the recovery organisation, its contacts and the call tree (belboom) that still works with the
 * network down; the suppliers and what they promised; the communication plan; and the scenario
 * cards. Every change is a new version of the whole document, so any two versions can be compared.
 * A small organisation's plan may be little more than a supplier call list and the agreements.
 *
 * @param name the plan's name
 * @param owner who keeps the plan current
 * @param description what the plan is for, in a few lines
 * @param coveredProcessIds the BIA's business processes the plan recovers (its scope)
 * @param activationRoles the roles that may activate the plan
 * @param activationCriteria in which cases the plan is invoked
 * @param terminationCriteria when the recovery ends and normal operation resumes
 * @param mandates which decisions each role may take
 * @param contacts the people and organisations the plan names, with how to reach them
 * @param teams the recovery organisation: teams with members and deputies
 * @param callTree the ordered escalation: whom to call, in which order
 * @param suppliers suppliers and IT service providers with their role, contract and SLA
 * @param communication the communication plan
 * @param scenarioCards the scenario cards
 * @param reviewDue when the plan must next be reviewed; a year after publication when absent
 */
@Schema(description = "The content of a recovery plan; every change is a new version")
public record PlanContent(
    String name,
    String owner,
    String description,
    List<String> coveredProcessIds,
    List<String> activationRoles,
    List<String> activationCriteria,
    List<String> terminationCriteria,
    List<Mandate> mandates,
    List<Contact> contacts,
    List<Team> teams,
    List<CallTreeEntry> callTree,
    List<SupplierAgreement> suppliers,
    CommunicationPlan communication,
    List<ScenarioCard> scenarioCards,
    LocalDate reviewDue) {

  public PlanContent {
    coveredProcessIds = list(coveredProcessIds);
    activationRoles = list(activationRoles);
    activationCriteria = list(activationCriteria);
    terminationCriteria = list(terminationCriteria);
    mandates = list(mandates);
    contacts = list(contacts);
    teams = list(teams);
    callTree = list(callTree);
    suppliers = list(suppliers);
    scenarioCards = list(scenarioCards);
  }

  /** This content with another review due date. */
  public PlanContent withReviewDue(LocalDate due) {
    return new PlanContent(
        name,
        owner,
        description,
        coveredProcessIds,
        activationRoles,
        activationCriteria,
        terminationCriteria,
        mandates,
        contacts,
        teams,
        callTree,
        suppliers,
        communication,
        scenarioCards,
        due);
  }

  /** This content with other scenario cards. */
  public PlanContent withScenarioCards(List<ScenarioCard> cards) {
    return new PlanContent(
        name,
        owner,
        description,
        coveredProcessIds,
        activationRoles,
        activationCriteria,
        terminationCriteria,
        mandates,
        contacts,
        teams,
        callTree,
        suppliers,
        communication,
        cards,
        reviewDue);
  }

  private static <T> List<T> list(List<T> values) {
    return values == null
        ? List.of()
        : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
  }

  /**
   * A decision a role may take during the recovery.
   *
   * @param role a Herstel role or a role of the plan's recovery organisation
   * @param decision the kind of decision, e.g. DISCONNECT (stekkermandaat)
   * @param description its limits, e.g. "up to EUR 50,000 for emergency capacity"
   */
  @Schema(description = "A decision mandate of a role")
  public record Mandate(
      @NotBlank @Size(max = 64) String role,
      @NotNull MandateKind decision,
      @Size(max = 2000) String description) {}

  /**
   * Someone the plan names, with how to reach them.
   *
   * @param id unique within the plan; teams, the call tree and suppliers refer to it
   */
  @Schema(description = "A person or organisation the plan names")
  public record Contact(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*") String id,
      @NotBlank @Size(max = 200) String name,
      @Size(max = 200) String organisation,
      @Size(max = 200) String function,
      @Size(max = 10) List<@NotNull @Valid ContactChannel> channels) {
    public Contact {
      channels = channels == null ? List.of() : List.copyOf(channels);
    }

    /** Whether one of the channels works without the own network. */
    public boolean reachableOutOfBand() {
      return channels.stream().anyMatch(c -> c.kind() != null && c.kind().outOfBand());
    }
  }

  /** One way to reach a contact: a phone number, a messenger handle, a meeting point. */
  @Schema(description = "A way to reach a contact")
  public record ContactChannel(
      @NotNull ChannelKind kind, @NotBlank @Size(max = 500) String address) {}

  /**
   * A team of the recovery organisation.
   *
   * @param id unique within the plan
   */
  @Schema(description = "A team of the recovery organisation")
  public record Team(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*") String id,
      @NotBlank @Size(max = 200) String name,
      @NotNull TeamKind kind,
      @Size(max = 100) List<@NotNull @Valid TeamMember> members) {
    public Team {
      members = members == null ? List.of() : List.copyOf(members);
    }
  }

  /**
   * A member of a team, in a role, with a deputy who takes over when they cannot be reached.
   *
   * @param role the member's role in the recovery, e.g. {@code network-lead}; mandates and steps
   *     may name it
   */
  @Schema(description = "A team member with role and deputy")
  public record TeamMember(
      @NotBlank @Size(max = 64) String contactId,
      @NotBlank @Size(max = 64) String role,
      @Size(max = 64) String deputyContactId) {}

  /**
   * One rung of the call tree (belboom): who is called, in list order, and after how long without
   * an answer the next is tried.
   */
  @Schema(description = "One entry of the call tree, in escalation order")
  public record CallTreeEntry(
      @NotBlank @Size(max = 64) String contactId,
      Duration escalateAfter,
      @Size(max = 20) List<@NotBlank @Size(max = 64) String> calls) {
    public CallTreeEntry {
      calls = calls == null ? List.of() : List.copyOf(calls);
    }
  }

  /**
   * A supplier or IT service provider and what it promised for the recovery.
   *
   * @param id unique within the plan
   * @param assetId the BIA's supplier asset, whose guaranteed recovery time is held against the
   *     RTOs of the processes that depend on it
   * @param role what the supplier does in the recovery
   * @param guaranteedRecoveryTime the SLA's recovery time; the BIA asset's when absent
   * @param contactId how to reach them (a contact of this plan)
   */
  @Schema(description = "A supplier with its recovery role, contract and SLA")
  public record SupplierAgreement(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*") String id,
      @NotBlank @Size(max = 200) String name,
      @Size(max = 64) String assetId,
      @Size(max = 2000) String role,
      @Size(max = 200) String contractReference,
      @Size(max = 200) String slaReference,
      Duration guaranteedRecoveryTime,
      @Size(max = 64) String contactId) {}

  /**
   * How the organisation communicates during a recovery (DOMAIN.md, "Communication plan and
   * fallback site"): audiences decided beforehand, channels, out-of-band means, the fallback
   * location (uitwijklocatie) and prepared messages per scenario.
   */
  @Schema(description = "The communication plan")
  public record CommunicationPlan(
      @Size(max = 50) List<@NotNull @Valid Audience> audiences,
      @Size(max = 20) List<@NotBlank @Size(max = 500) String> outOfBandMeans,
      @Size(max = 1000) String fallbackLocation,
      @Size(max = 200) List<@NotNull @Valid MessageTemplate> templates) {
    public CommunicationPlan {
      audiences = audiences == null ? List.of() : List.copyOf(audiences);
      outOfBandMeans = outOfBandMeans == null ? List.of() : List.copyOf(outOfBandMeans);
      templates = templates == null ? List.of() : List.copyOf(templates);
    }
  }

  /** An audience decided beforehand, with the channels it is reached on. */
  @Schema(description = "An audience of the communication plan")
  public record Audience(
      @NotBlank @Size(max = 200) String name,
      @Size(max = 2000) String why,
      @Size(max = 10) List<@NotNull ChannelKind> channels) {
    public Audience {
      channels = channels == null ? List.of() : List.copyOf(channels);
    }
  }

  /** A message prepared for a scenario and an audience. */
  @Schema(description = "A prepared message for a scenario and audience")
  public record MessageTemplate(
      @NotNull Scenario scenario,
      @NotBlank @Size(max = 200) String audience,
      @NotBlank @Size(max = 500) String subject,
      @NotBlank @Size(max = 10000) String body) {}
}
