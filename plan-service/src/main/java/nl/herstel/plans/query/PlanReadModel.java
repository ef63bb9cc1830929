package nl.herstel.plans.query;

import com.fasterxml.jackson.databind.JavaType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.herstel.plans.api.PlanContent;
import nl.herstel.plans.api.PlanContent.SupplierAgreement;
import nl.herstel.plans.api.PlanQueries.FindPlan;
import nl.herstel.plans.api.PlanQueries.FindVersion;
import nl.herstel.plans.api.PlanQueries.ListOverdueReviews;
import nl.herstel.plans.api.PlanQueries.ListPlans;
import nl.herstel.plans.api.PlanQueries.ListVersions;
import nl.herstel.plans.api.PlanStatus;
import nl.herstel.plans.query.PlanView.BundleRecord;
import nl.herstel.plans.query.PlanView.ReviewRequest;
import nl.herstel.plans.query.PlanView.SupplierCheck;
import nl.herstel.platform.jdbc.Sql;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Answers about plans from the plans read model and plan-service's copy of the BIA: a plan with its
 * review state, supplier checks and bundles; lists of plans and of overdue reviews; versions.
 */
public class PlanReadModel {
  private static final JavaType REQUESTS =
      Sql.JSON.getTypeFactory().constructCollectionType(List.class, ReviewRequest.class);

  private final Sql sql;

  public PlanReadModel(Sql sql) {
    this.sql = sql;
  }

  @QueryHandler
  public Optional<PlanView> find(FindPlan query) {
    return sql.one("SELECT * FROM plan_plan WHERE plan_id = ?", this::row, query.planId())
        .map(r -> r.view(supplierChecks(r.content()), bundles(r.id())));
  }

  @QueryHandler
  public List<PlanView> list(ListPlans query) {
    StringBuilder where = new StringBuilder(" WHERE true");
    List<Object> args = new ArrayList<>();
    if (Boolean.TRUE.equals(query.needsReview())) {
      where.append(" AND review_requests <> '[]' AND status <> 'RETIRED'");
    } else if (Boolean.FALSE.equals(query.needsReview())) {
      where.append(" AND review_requests = '[]'");
    }
    if (query.status() != null) {
      where.append(" AND status = ?");
      args.add(query.status().name());
    }
    if (query.after() != null) {
      String[] key = query.after().split("\u001f", 2);
      where.append(" AND (name, plan_id) > (?, ?)");
      args.add(key[0]);
      args.add(key.length > 1 ? key[1] : "");
    }
    args.add(query.limit() + 1);
    return sql
        .list(
            "SELECT * FROM plan_plan" + where + " ORDER BY name, plan_id LIMIT ?",
            this::row,
            args.toArray())
        .stream()
        .map(r -> r.view(List.of(), List.of()))
        .toList();
  }

  /** The sort key of a plan in {@link ListPlans}, for its cursor. */
  public static String key(PlanView plan) {
    return plan.name() + "\u001f" + plan.id();
  }

  @QueryHandler
  public List<PlanView> overdue(ListOverdueReviews query) {
    List<Object> args = new ArrayList<>();
    args.add(query.today());
    String after = "";
    if (query.after() != null) {
      String[] key = query.after().split("\u001f", 2);
      after = " AND (review_due, plan_id) > (?::date, ?)";
      args.add(key[0]);
      args.add(key.length > 1 ? key[1] : "");
    }
    args.add(query.limit() + 1);
    return sql
        .list(
            "SELECT * FROM plan_plan WHERE review_due < ? AND status <> 'RETIRED'"
                + " AND published_version IS NOT NULL"
                + after
                + " ORDER BY review_due, plan_id LIMIT ?",
            this::row,
            args.toArray())
        .stream()
        .map(r -> r.view(List.of(), List.of()))
        .toList();
  }

  /** The sort key of a plan in {@link ListOverdueReviews}, for its cursor. */
  public static String overdueKey(PlanView plan) {
    return plan.reviewDue() + "\u001f" + plan.id();
  }

  @QueryHandler
  public List<PlanVersionView> versions(ListVersions query) {
    return sql.list(
        "SELECT plan_id, version, status, recorded_at, principal, reason FROM plan_version"
            + " WHERE plan_id = ? AND version > ? ORDER BY version LIMIT ?",
        r -> version(r, false),
        query.planId(),
        query.after(),
        query.limit() + 1);
  }

  @QueryHandler
  public Optional<PlanVersionView> version(FindVersion query) {
    return sql.one(
        "SELECT * FROM plan_version WHERE plan_id = ? AND version = ?",
        r -> version(r, true),
        query.planId(),
        query.version());
  }

  private static PlanVersionView version(ResultSet r, boolean document) throws SQLException {
    return new PlanVersionView(
        r.getString("plan_id"),
        r.getInt("version"),
        PlanStatus.valueOf(r.getString("status")),
        Sql.instant(r, "recorded_at"),
        r.getString("principal"),
        r.getString("reason"),
        document
            ? Sql.fromJson(r.getString("document"), com.fasterxml.jackson.databind.JsonNode.class)
            : null);
  }

  List<BundleRecord> bundles(String planId) {
    return sql.list(
        "SELECT * FROM plan_bundle WHERE plan_id = ? ORDER BY taken_at DESC, bundle_id",
        r ->
            new BundleRecord(
                r.getString("bundle_id"),
                r.getInt("version"),
                r.getString("format"),
                r.getBoolean("encrypted"),
                r.getString("sha256"),
                Sql.instant(r, "taken_at"),
                r.getString("taken_by")),
        planId);
  }

  /** Each supplier's guarantee against the strictest RTO of the covered processes relying on it. */
  List<SupplierCheck> supplierChecks(PlanContent content) {
    if (content.suppliers().isEmpty()) {
      return List.of();
    }
    Map<String, Duration> rtos = new HashMap<>();
    if (!content.coveredProcessIds().isEmpty()) {
      sql.list(
          "SELECT process_id, rto_seconds FROM plan_known_process WHERE process_id = ANY (?)",
          r -> rtos.put(r.getString(1), Duration.ofSeconds(r.getLong(2))),
          content.coveredProcessIds());
    }
    List<SupplierCheck> checks = new ArrayList<>();
    for (SupplierAgreement supplier : content.suppliers()) {
      Duration guarantee = supplier.guaranteedRecoveryTime();
      List<String> relying = List.of();
      if (supplier.assetId() != null) {
        if (guarantee == null) {
          guarantee =
              sql.one(
                      "SELECT guarantee_seconds FROM plan_bia_asset WHERE asset_id = ?",
                      r -> Sql.duration(r, "guarantee_seconds"),
                      supplier.assetId())
                  .orElse(null);
        }
        Set<String> upstream = new HashSet<>(upstream(supplier.assetId()));
        relying = content.coveredProcessIds().stream().filter(upstream::contains).toList();
      }
      if (relying.isEmpty()) {
        relying = content.coveredProcessIds();
      }
      Duration required =
          relying.stream()
              .map(rtos::get)
              .filter(d -> d != null)
              .min(Duration::compareTo)
              .orElse(null);
      checks.add(
          new SupplierCheck(
              supplier.id(),
              supplier.name(),
              supplier.assetId(),
              guarantee,
              required,
              relying,
              guarantee == null || required == null ? null : guarantee.compareTo(required) <= 0));
    }
    return checks;
  }

  /** Every BIA node that depends on {@code nodeId}, directly or through others. */
  List<String> upstream(String nodeId) {
    return sql.list(
        "WITH RECURSIVE up(node) AS (SELECT ?::varchar UNION"
            + " SELECT d.from_id FROM plan_bia_dependency d JOIN up ON d.to_id = up.node)"
            + " SELECT node FROM up",
        r -> r.getString(1),
        nodeId);
  }

  private Row row(ResultSet r) throws SQLException {
    return new Row(
        r.getString("plan_id"),
        r.getInt("version"),
        PlanStatus.valueOf(r.getString("status")),
        (Integer) r.getObject("published_version"),
        Sql.instant(r, "published_at"),
        Sql.instant(r, "updated_at"),
        r.getObject("review_due", LocalDate.class),
        Sql.fromJson(r.getString("review_requests"), REQUESTS),
        Sql.fromJson(r.getString("content"), PlanContent.class));
  }

  private record Row(
      String id,
      int version,
      PlanStatus status,
      Integer publishedVersion,
      java.time.Instant publishedAt,
      java.time.Instant updatedAt,
      LocalDate reviewDue,
      List<ReviewRequest> requests,
      PlanContent content) {

    PlanView view(List<SupplierCheck> checks, List<BundleRecord> bundles) {
      boolean live = status != PlanStatus.RETIRED;
      return new PlanView(
          id,
          content.name(),
          content.owner(),
          version,
          status,
          publishedVersion,
          publishedAt,
          updatedAt,
          content.coveredProcessIds(),
          content.activationRoles(),
          content.scenarioCards(),
          reviewDue,
          live
              && publishedVersion != null
              && reviewDue != null
              && reviewDue.isBefore(LocalDate.now(ZoneOffset.UTC)),
          live && !requests.isEmpty(),
          live ? requests : List.of(),
          content,
          checks,
          bundles);
    }
  }
}
