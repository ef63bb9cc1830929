package nl.herstel.lessons.integration;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import nl.herstel.contracts.incidents.IncidentClosed;
import nl.herstel.contracts.incidents.Restoration;
import nl.herstel.lessons.api.LessonsCommands.ActivatedPlan;
import nl.herstel.lessons.api.LessonsCommands.AssessThreatLikelihood;
import nl.herstel.lessons.api.LessonsCommands.OpenIncidentReview;
import nl.herstel.lessons.api.LessonsCommands.RecordRecovery;
import nl.herstel.lessons.api.LessonsCommands.RestoredProcess;
import nl.herstel.lessons.integration.OpenedIncidents.OpenedIncident;
import nl.herstel.lessons.integration.ProcessTargets.Targets;
import nl.herstel.platform.kafka.IncomingEvent;
import nl.herstel.platform.kafka.IntegrationEventHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Opens the review of every incident incident-service closes, with the targets each restored
 * process had at that moment. The command joins the consumer's transaction, so the review and the
 * inbox row commit together; the review's id is the incident's id, so a second close opens no
 * second review. Each restoration of a process with a known RTO is also added to the process's
 * recovery record, the cross-incident evidence for a stricter RTO; and each threat the incident's
 * category matches is assessed against how often the category occurred in the year ({@link
 * ThreatLikelihoods}).
 *
 * <p>A record this service cannot apply would be retried forever and block the topic, so what the
 * review would reject is left out here, with a warning: a process restored twice counts with its
 * last restoration, one restored before the disruption began is not measured.
 */
public class IncidentClosedIntake implements IntegrationEventHandler<IncidentClosed> {
  private static final Logger LOG = Logger.getLogger(IncidentClosedIntake.class.getName());
  private static final int MAX_ID_LENGTH = 255;

  private final Supplier<CommandGateway> commands;
  private final ProcessTargets targets;
  private final OpenedIncidents incidents;
  private final int marginWindow;
  private final double marginShare;
  private final ThreatLikelihoods likelihoods;

  /**
   * @param marginWindow and {@code marginShare}: the "RTO consistently met with margin" rule, see
   *     {@code LessonsConfig}
   */
  public IncidentClosedIntake(
      Supplier<CommandGateway> commands,
      ProcessTargets targets,
      OpenedIncidents incidents,
      int marginWindow,
      double marginShare,
      ThreatLikelihoods likelihoods) {
    this.commands = commands;
    this.likelihoods = likelihoods;
    this.targets = targets;
    this.incidents = incidents;
    this.marginWindow = marginWindow;
    this.marginShare = marginShare;
  }

  @Override
  public void handle(IncidentClosed event, IncomingEvent envelope) {
    if (event.incidentId().length() > MAX_ID_LENGTH) {
      LOG.warning(() -> "Not reviewing an incident whose id is too long; event " + envelope.id());
      return;
    }
    Optional<OpenedIncident> incident = incidents.find(event.incidentId());
    List<RestoredProcess> restored = new ArrayList<>();
    for (Restoration restoration : lastRestorations(event, envelope).values()) {
      Optional<Targets> known = targets.find(restoration.processId());
      String name =
          known
              .map(Targets::name)
              .or(() -> incident.map(i -> i.processNames().get(restoration.processId())))
              .orElse(null);
      restored.add(
          new RestoredProcess(
              restoration.processId(),
              name,
              restoration.restoredAt(),
              known.map(Targets::rto).orElse(null),
              known.map(Targets::mtpd).orElse(null),
              restoration.dataRestoredTo(),
              restoration.rpo() != null
                  ? restoration.rpo()
                  : known.map(Targets::rpo).orElse(null)));
    }
    CommandGateway gateway = commands.get();
    gateway.sendAndWait(
        new OpenIncidentReview(
            event.incidentId(),
            incident.map(OpenedIncident::title).orElse(null),
            incident.map(OpenedIncident::severity).orElse(null),
            event.summary(),
            event.disruptedAt(),
            event.occurredAt(),
            restored,
            event.activatedPlans().stream()
                .map(p -> new ActivatedPlan(p.planId(), p.planVersion(), p.scenarioCardId()))
                .toList()));
    for (AssessThreatLikelihood assessment :
        likelihoods.assessments(event.incidentId(), event.occurredAt())) {
      gateway.sendAndWait(assessment);
    }
    for (RestoredProcess process : restored) {
      if (process.rto() != null) {
        gateway.sendAndWait(
            new RecordRecovery(
                process.processId(),
                process.name(),
                event.incidentId(),
                event.disruptedAt(),
                Duration.between(event.disruptedAt(), process.restoredAt())
                    .truncatedTo(ChronoUnit.SECONDS),
                process.rto(),
                marginWindow,
                marginShare));
      }
    }
  }

  private static Map<String, Restoration> lastRestorations(
      IncidentClosed event, IncomingEvent envelope) {
    Map<String, Restoration> last = new LinkedHashMap<>();
    for (Restoration restoration : event.restorations()) {
      if (restoration.restoredAt().isBefore(event.disruptedAt())) {
        LOG.warning(
            () ->
                "Incident "
                    + event.incidentId()
                    + " restored process "
                    + restoration.processId()
                    + " before the disruption began; not measured (event "
                    + envelope.id()
                    + ")");
        continue;
      }
      last.merge(
          restoration.processId(),
          restoration,
          (a, b) -> b.restoredAt().isAfter(a.restoredAt()) ? b : a);
    }
    return last;
  }
}
