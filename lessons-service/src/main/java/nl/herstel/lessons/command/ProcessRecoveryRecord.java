package nl.herstel.lessons.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.herstel.contracts.lessons.Evidence;
import nl.herstel.contracts.lessons.RevisionKind;
import nl.herstel.lessons.api.LessonsCommands.RecordRecovery;
import nl.herstel.lessons.api.LessonsEvents.RecoveryRecorded;
import nl.herstel.lessons.api.LessonsEvents.RevisionProposed;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * The recoveries of one business process across incidents, identified by the process's id: the
 * cross-incident evidence one incident's review cannot see. When the latest recoveries all stayed
 * well within the RTO ("consistently met with margin"), the RTO is looser than recovery needs, and
 * a stricter RTO is proposed (DOMAIN.md, "Improve"): the slowest of those recoveries, rounded up to
 * the whole hour. Recoveries recorded before a margin proposal do not count towards the next one,
 * so one run of good recoveries gives one proposal.
 */
public class ProcessRecoveryRecord {
  @AggregateIdentifier private String processId;

  /** Recoveries since the last margin proposal, by incident. */
  private final List<RecoveryRecorded> sinceLastProposal = new ArrayList<>();

  private final List<String> incidents = new ArrayList<>();

  protected ProcessRecoveryRecord() {}

  /** Records a recovery once per incident; proposes a stricter RTO when the window shows margin. */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public void handle(RecordRecovery command) {
    if (incidents.contains(command.incidentId())) {
      return;
    }
    apply(
        new RecoveryRecorded(
            command.processId(),
            command.incidentId(),
            command.disruptedAt(),
            command.actualRecoveryTime(),
            command.rto()));
    int window = Math.max(3, command.window());
    if (command.rto() == null || sinceLastProposal.size() < window) {
      return;
    }
    List<RecoveryRecorded> latest =
        sinceLastProposal.stream()
            .sorted(Comparator.comparing(RecoveryRecorded::disruptedAt))
            .skip(sinceLastProposal.size() - (long) window)
            .toList();
    Duration margin =
        Duration.ofSeconds((long) Math.floor(command.rto().toSeconds() * command.share()));
    boolean allWithin =
        latest.stream().allMatch(r -> r.actualRecoveryTime().compareTo(margin) <= 0);
    if (!allWithin) {
      return;
    }
    Duration slowest =
        latest.stream()
            .map(RecoveryRecorded::actualRecoveryTime)
            .max(Comparator.naturalOrder())
            .orElseThrow();
    Duration proposed = Figures.roundedUpToTheHour(slowest);
    if (proposed.compareTo(command.rto()) >= 0) {
      return;
    }
    List<String> ids = latest.stream().map(RecoveryRecorded::incidentId).toList();
    String newest = latest.get(latest.size() - 1).incidentId();
    apply(
        new RevisionProposed(
            Figures.proposalId(
                "RTO-margin",
                command.processId(),
                String.join(",", ids.stream().sorted().toList())),
            RevisionKind.RTO,
            newest,
            command.processId(),
            command.processName(),
            command.rto(),
            proposed,
            latest.stream()
                .map(
                    r ->
                        new Evidence(
                            r.incidentId(), "RECOVERY_TIME", r.actualRecoveryTime(), r.rto()))
                .toList(),
            rationale(command, latest.size(), slowest, proposed, ids)));
  }

  private static String rationale(
      RecordRecovery command, int count, Duration slowest, Duration proposed, List<String> ids) {
    String process =
        command.processName() != null ? command.processName() : "process " + command.processId();
    return "The last "
        + count
        + " recoveries of "
        + process
        + " all took at most "
        + Math.round(command.share() * 100)
        + "% of its RTO of "
        + Figures.readable(command.rto())
        + " (slowest "
        + Figures.readable(slowest)
        + "; incidents "
        + String.join(", ", ids)
        + "). Recovery is reliably faster than the BIA asks: a stricter RTO of "
        + Figures.readable(proposed)
        + " would give the process a higher recovery priority. The process owner decides.";
  }

  @EventSourcingHandler
  void on(RecoveryRecorded event) {
    processId = event.processId();
    incidents.add(event.incidentId());
    sinceLastProposal.add(event);
  }

  @EventSourcingHandler
  void on(RevisionProposed event) {
    sinceLastProposal.clear();
  }
}
