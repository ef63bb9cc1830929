package nl.herstel.plans.query;

import static nl.herstel.platform.jdbc.Sql.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import nl.herstel.plans.api.ScenarioCard;
import nl.herstel.plans.query.PlanView.ReviewRequest;
import nl.herstel.platform.jdbc.Sql;
import nl.herstel.platform.messaging.EventMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;

/**
 * The plans read model in PostgreSQL: each plan's latest version, the version in force and the
 * processes it covers, every version's whole document, the BIA ids each plan points at, and the
 * bundles taken. Its rows commit in the same transaction as the processor's token, so no event is
 * applied twice.
 */
@ProcessingGroup("plans-read-model-v2")
public class PlanProjection {
  private final Sql sql;

  public PlanProjection(Sql sql) {
    this.sql = sql;
  }

  @EventHandler
  void on(
      PlanPublished e, @Timestamp Instant at, @MetaDataValue(EventMetadata.PRINCIPAL) String who) {
    published(e.planId(), e.version(), e.content(), "Published", at, who);
  }

  @EventHandler
  void on(
      PlanVersionPublished e,
      @Timestamp Instant at,
      @MetaDataValue(EventMetadata.PRINCIPAL) String who) {
    published(e.planId(), e.version(), e.content(), e.reason(), at, who);
  }

  @EventHandler
  void on(
      PlanDrafted e, @Timestamp Instant at, @MetaDataValue(EventMetadata.PRINCIPAL) String who) {
    sql.update(
        "INSERT INTO plan_plan (plan_id, name, version, status, activation_roles, scenario_cards,"
            + " owner, content, review_due, updated_at) VALUES (?, ?, ?, 'DRAFT', '[]', '[]', ?,"
            + " ?, ?, ?) ON CONFLICT (plan_id) DO NOTHING",
        e.planId(),
        e.content().name(),
        e.version(),
        e.content().owner(),
        json(e.content()),
        e.content().reviewDue(),
        at);
    content(e.planId(), e.version(), PlanStatus.DRAFT, e.content(), e.reason(), at, who);
  }

  @EventHandler
  void on(
      PlanContentRevised e,
      @Timestamp Instant at,
      @MetaDataValue(EventMetadata.PRINCIPAL) String who) {
    content(e.planId(), e.version(), PlanStatus.DRAFT, e.content(), e.reason(), at, who);
  }

  @EventHandler
  void on(
      PlanStatusChanged e,
      @Timestamp Instant at,
      @MetaDataValue(EventMetadata.PRINCIPAL) String who) {
    status(e.planId(), e.version(), e.to(), e.reason(), at, who);
  }

  @EventHandler
  void on(
      PlanRetired e, @Timestamp Instant at, @MetaDataValue(EventMetadata.PRINCIPAL) String who) {
    status(e.planId(), e.version(), PlanStatus.RETIRED, e.reason(), at, who);
    sql.update("DELETE FROM plan_covered_process WHERE plan_id = ?", e.planId());
  }

  @EventHandler
  void on(PlanReviewRequested e, @Timestamp Instant at) {
    List<ReviewRequest> requests = new ArrayList<>(reviewRequests(e.planId()));
    requests.add(new ReviewRequest(e.cause(), e.reason(), at));
    sql.update(
        "UPDATE plan_plan SET review_requests = ? WHERE plan_id = ?", json(requests), e.planId());
  }

  @EventHandler
  void on(
      PlanBundleTaken e,
      @Timestamp Instant at,
      @MetaDataValue(EventMetadata.PRINCIPAL) String who) {
    sql.update(
        "INSERT INTO plan_bundle (bundle_id, plan_id, version, format, encrypted, sha256,"
            + " taken_at, taken_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        e.bundleId(),
        e.planId(),
        e.version(),
        e.format(),
        e.encrypted(),
        e.sha256(),
        at,
        who);
  }

  private void published(
      String planId, int version, PlanContent content, String reason, Instant at, String who) {
    sql.update(
        "INSERT INTO plan_plan (plan_id, name, version, status, activation_roles, scenario_cards,"
            + " owner, content, review_due, updated_at) VALUES (?, ?, ?, 'PUBLISHED', '[]', '[]',"
            + " ?, ?, ?, ?) ON CONFLICT (plan_id) DO NOTHING",
        planId,
        content.name(),
        version,
        content.owner(),
        json(content),
        content.reviewDue(),
        at);
    content(planId, version, PlanStatus.PUBLISHED, content, reason, at, who);
    sql.update(
        "UPDATE plan_plan SET published_version = ?, published_at = ?, review_requests = '[]'"
            + " WHERE plan_id = ?",
        version,
        at,
        planId);
    sql.update("DELETE FROM plan_covered_process WHERE plan_id = ?", planId);
    List<String> processIds = content.coveredProcessIds();
    for (int i = 0; i < processIds.size(); i++) {
      sql.update(
          "INSERT INTO plan_covered_process (plan_id, process_id, position) VALUES (?, ?, ?)",
          planId,
          processIds.get(i),
          i);
    }
  }

  private void content(
      String planId,
      int version,
      PlanStatus status,
      PlanContent content,
      String reason,
      Instant at,
      String who) {
    sql.update(
        "UPDATE plan_plan SET name = ?, version = ?, status = ?, owner = ?, content = ?,"
            + " review_due = ?, activation_roles = ?, scenario_cards = ?, updated_at = ?"
            + " WHERE plan_id = ?",
        content.name(),
        version,
        status.name(),
        content.owner(),
        json(content),
        content.reviewDue(),
        json(content.activationRoles()),
        json(content.scenarioCards()),
        at,
        planId);
    version(planId, version, status, content, reason, at, who);
    sql.update("DELETE FROM plan_link WHERE plan_id = ?", planId);
    for (String processId : content.coveredProcessIds()) {
      link(planId, "PROCESS", processId);
    }
    for (ScenarioCard card : content.scenarioCards()) {
      for (String threatId : card.threatIds()) {
        link(planId, "THREAT", threatId);
      }
    }
    for (PlanContent.SupplierAgreement supplier : content.suppliers()) {
      if (supplier.assetId() != null) {
        link(planId, "ASSET", supplier.assetId());
      }
    }
  }

  private void status(
      String planId, int version, PlanStatus status, String reason, Instant at, String who) {
    PlanContent content =
        sql.one(
                "SELECT content FROM plan_plan WHERE plan_id = ?",
                r -> Sql.fromJson(r.getString(1), PlanContent.class),
                planId)
            .orElseThrow();
    sql.update(
        "UPDATE plan_plan SET version = ?, status = ?, updated_at = ? WHERE plan_id = ?",
        version,
        status.name(),
        at,
        planId);
    version(planId, version, status, content, reason, at, who);
  }

  private void version(
      String planId,
      int version,
      PlanStatus status,
      PlanContent content,
      String reason,
      Instant at,
      String who) {
    ObjectNode document = Sql.JSON.createObjectNode();
    document.put("status", status.name());
    document.setAll((ObjectNode) Sql.JSON.valueToTree(content));
    sql.update(
        "INSERT INTO plan_version (plan_id, version, status, document, recorded_at, principal,"
            + " reason) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        planId,
        version,
        status.name(),
        json(document),
        at,
        who,
        reason);
  }

  private void link(String planId, String kind, String targetId) {
    sql.update(
        "INSERT INTO plan_link (plan_id, kind, target_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        planId,
        kind,
        targetId);
  }

  private List<ReviewRequest> reviewRequests(String planId) {
    return sql.one(
            "SELECT review_requests FROM plan_plan WHERE plan_id = ?",
            r ->
                Sql.<List<ReviewRequest>>fromJson(
                    r.getString(1),
                    Sql.JSON
                        .getTypeFactory()
                        .constructCollectionType(List.class, ReviewRequest.class)),
            planId)
        .orElse(List.of());
  }
}
