package nl.herstel.plans.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import nl.herstel.plans.api.PlanCommands.CreatePlan;
import nl.herstel.plans.api.PlanCommands.RecordBundle;
import nl.herstel.plans.api.PlanCommands.RequestPlanReview;
import nl.herstel.plans.api.PlanCommands.RevisePlan;
import nl.herstel.plans.api.PlanCommands.TransitionPlan;
import nl.herstel.plans.api.PlanContent;
import nl.herstel.plans.api.PlanEvents.PlanBundleTaken;
import nl.herstel.plans.api.PlanEvents.PlanContentRevised;
import nl.herstel.plans.api.PlanEvents.PlanDrafted;
import nl.herstel.plans.api.PlanEvents.PlanPublished;
import nl.herstel.plans.api.PlanEvents.PlanRetired;
import nl.herstel.plans.api.PlanEvents.PlanReviewRequested;
import nl.herstel.plans.api.PlanEvents.PlanStatusChanged;
import nl.herstel.plans.api.PlanEvents.PlanVersionPublished;
import nl.herstel.plans.api.PlanStatus;
import nl.herstel.plans.api.PlanVersion;
import nl.herstel.platform.domain.Conflict;
import nl.herstel.platform.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A recovery plan (herstelplan, IT disaster recovery plan): the playbook during an incident; see
 * DOMAIN.md, step 2. It is written, reviewed, approved and published, and every change is a new
 * version, so what was in force at any moment can be shown and compared. A published version stays
 * in force while the next one is drafted and reviewed. When the BIA changes something the plan
 * relies on, the plan is flagged for review until a new version is published.
 */
public class RecoveryPlan {
  /** How long a published plan may go without review when its content names no date. */
  static final int REVIEW_YEARS = 1;

  @AggregateIdentifier private String planId;
  private int version;
  private PlanStatus status;
  private PlanContent content;
  private final List<String> pendingReviews = new ArrayList<>();

  protected RecoveryPlan() {}

  @CommandHandler
  public RecoveryPlan(CreatePlan command) {
    PlanContent checked = PlanRules.check(command.content());
    if (command.publish()) {
      apply(
          new PlanVersionPublished(
              command.planId(), 1, withReviewDue(checked), reason(command.reason(), "Published")));
    } else {
      apply(new PlanDrafted(command.planId(), 1, checked, reason(command.reason(), "Drafted")));
    }
  }

  @CommandHandler
  PlanVersion handle(RevisePlan command) {
    requireVersion(command.expectedVersion());
    if (status == PlanStatus.RETIRED) {
      throw new Conflict("Plan " + planId + " is retired; it can no longer be changed");
    }
    PlanContent checked = PlanRules.check(command.content());
    if (checked.reviewDue() == null && content.reviewDue() != null) {
      checked = checked.withReviewDue(content.reviewDue());
    }
    apply(
        new PlanContentRevised(
            planId, version + 1, checked, reason(command.reason(), "Content revised")));
    return new PlanVersion(version, status);
  }

  @CommandHandler
  PlanVersion handle(TransitionPlan command) {
    requireVersion(command.expectedVersion());
    PlanStatus to = command.to();
    if (to == null) {
      throw new RuleViolation("to", "A transition names the status to move to");
    }
    if (!status.mayBecome(to)) {
      throw new RuleViolation(
          "to",
          "A plan in "
              + status
              + " cannot become "
              + to
              + (status.next().isEmpty() ? "" : "; it may become " + sorted(status.next())));
    }
    String reason = reason(command.reason(), status + " → " + to);
    switch (to) {
      case PUBLISHED ->
          apply(new PlanVersionPublished(planId, version + 1, withReviewDue(content), reason));
      case RETIRED -> apply(new PlanRetired(planId, version + 1, reason));
      default ->
          apply(new PlanStatusChanged(planId, version + 1, content.name(), status, to, reason));
    }
    return new PlanVersion(version, status);
  }

  @CommandHandler
  void handle(RequestPlanReview command) {
    String entry = command.cause() + ": " + command.reason();
    if (status == PlanStatus.RETIRED || pendingReviews.contains(entry)) {
      return;
    }
    apply(
        new PlanReviewRequested(
            planId,
            version,
            content.name(),
            content.reviewDue(),
            command.cause(),
            command.reason()));
  }

  @CommandHandler
  void handle(RecordBundle command) {
    apply(
        new PlanBundleTaken(
            planId,
            command.version(),
            command.bundleId(),
            command.format(),
            command.encrypted(),
            command.sha256()));
  }

  @EventSourcingHandler
  void on(PlanDrafted event) {
    planId = event.planId();
    version = event.version();
    status = PlanStatus.DRAFT;
    content = event.content();
  }

  @EventSourcingHandler
  void on(PlanContentRevised event) {
    version = event.version();
    status = PlanStatus.DRAFT;
    content = event.content();
  }

  @EventSourcingHandler
  void on(PlanStatusChanged event) {
    version = event.version();
    status = event.to();
  }

  @EventSourcingHandler
  void on(PlanVersionPublished event) {
    planId = event.planId();
    version = event.version();
    status = PlanStatus.PUBLISHED;
    content = event.content();
    pendingReviews.clear();
  }

  @EventSourcingHandler
  void on(PlanPublished event) {
    planId = event.planId();
    version = event.version();
    status = PlanStatus.PUBLISHED;
    content = event.content();
  }

  @EventSourcingHandler
  void on(PlanRetired event) {
    version = event.version();
    status = PlanStatus.RETIRED;
  }

  @EventSourcingHandler
  void on(PlanReviewRequested event) {
    pendingReviews.add(event.cause() + ": " + event.reason());
  }

  private void requireVersion(Long expected) {
    if (expected != null && expected != version) {
      throw new Conflict(
          "Plan " + planId + " is at version " + version + ", not " + expected + " (If-Match)");
    }
  }

  private static PlanContent withReviewDue(PlanContent content) {
    return content.reviewDue() != null
        ? content
        : content.withReviewDue(LocalDate.now(ZoneOffset.UTC).plusYears(REVIEW_YEARS));
  }

  private static String reason(String given, String otherwise) {
    return given == null || given.isBlank() ? otherwise : given.strip();
  }

  private static String sorted(java.util.Set<PlanStatus> statuses) {
    return String.join(", ", statuses.stream().sorted().map(Enum::name).toList());
  }
}
