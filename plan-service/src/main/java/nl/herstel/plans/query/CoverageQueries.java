package nl.herstel.plans.query;

import java.sql.Array;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.herstel.plans.api.PlanQueries.BiaAssetReference;
import nl.herstel.plans.api.PlanQueries.FindBiaAssets;
import nl.herstel.plans.api.PlanQueries.FindCoverage;
import nl.herstel.plans.api.PlanQueries.FindUnknownProcesses;
import nl.herstel.plans.api.PlanQueries.FindUnknownThreats;
import nl.herstel.plans.api.PlanQueries.ListCoverage;
import nl.herstel.platform.jdbc.Sql;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Which business processes the published recovery plans cover. Crown jewels (kroonjuwelen) come
 * first, then the shortest RTO: the BIA's priority order (DOMAIN.md, BIA step 4), so the gaps that
 * matter most are at the top.
 */
public class CoverageQueries {
  private static final String COVERAGE =
      "SELECT p.process_id, p.name, p.critical, p.crown_jewel, p.mtpd_seconds, p.rto_seconds,"
          + " p.rpo_seconds,"
          + " COALESCE(array_agg(pl.plan_id ORDER BY pl.published_at, pl.plan_id)"
          + "   FILTER (WHERE pl.plan_id IS NOT NULL), '{}') AS plan_ids"
          + " FROM plan_known_process p"
          + " LEFT JOIN plan_covered_process c ON c.process_id = p.process_id"
          + " LEFT JOIN plan_plan pl ON pl.plan_id = c.plan_id AND pl.status <> 'RETIRED'";
  private static final String ORDER =
      " GROUP BY p.process_id"
          + " ORDER BY p.crown_jewel DESC, p.rto_seconds, p.name, p.process_id";

  private final Sql sql;

  public CoverageQueries(Sql sql) {
    this.sql = sql;
  }

  @QueryHandler
  public List<CoverageView> list(ListCoverage query) {
    if (query.after() == null) {
      return coverage(COVERAGE + ORDER + " LIMIT ?", query.limit() + 1);
    }
    return coverage(
        COVERAGE
            + " WHERE (NOT p.crown_jewel, p.rto_seconds, p.name, p.process_id) > (SELECT NOT"
            + " crown_jewel, rto_seconds, name, process_id FROM plan_known_process"
            + " WHERE process_id = ?)"
            + ORDER
            + " LIMIT ?",
        query.after(),
        query.limit() + 1);
  }

  @QueryHandler
  public Optional<CoverageView> find(FindCoverage query) {
    return coverage(COVERAGE + " WHERE p.process_id = ?" + ORDER, query.processId()).stream()
        .findFirst();
  }

  @QueryHandler
  public List<String> unknown(FindUnknownProcesses query) {
    if (query.processIds().isEmpty()) {
      return List.of();
    }
    Set<String> known =
        new HashSet<>(
            sql.list(
                "SELECT process_id FROM plan_known_process WHERE process_id = ANY (?)",
                r -> r.getString(1),
                query.processIds()));
    return query.processIds().stream().filter(id -> !known.contains(id)).distinct().toList();
  }

  @QueryHandler
  public List<String> unknownThreats(FindUnknownThreats query) {
    if (query.threatIds().isEmpty()) {
      return List.of();
    }
    Set<String> known =
        new HashSet<>(
            sql.list(
                "SELECT threat_id FROM plan_bia_threat WHERE threat_id = ANY (?)",
                r -> r.getString(1),
                query.threatIds()));
    return query.threatIds().stream().filter(id -> !known.contains(id)).distinct().toList();
  }

  @QueryHandler
  public List<BiaAssetReference> assets(FindBiaAssets query) {
    if (query.assetIds().isEmpty()) {
      return List.of();
    }
    return sql.list(
        "SELECT asset_id, name, kind, retired FROM plan_bia_asset WHERE asset_id = ANY (?)",
        r ->
            new BiaAssetReference(
                r.getString("asset_id"),
                r.getString("name"),
                r.getString("kind"),
                r.getBoolean("retired")),
        query.assetIds());
  }

  private List<CoverageView> coverage(String query, Object... args) {
    return sql.list(
        query,
        r -> {
          List<String> planIds = strings(r.getArray("plan_ids"));
          return new CoverageView(
              r.getString("process_id"),
              r.getString("name"),
              r.getBoolean("critical"),
              r.getBoolean("crown_jewel"),
              Sql.duration(r, "rto_seconds"),
              Sql.duration(r, "mtpd_seconds"),
              Sql.duration(r, "rpo_seconds"),
              planIds.isEmpty() ? CoverageStatus.NOT_COVERED : CoverageStatus.COVERED,
              planIds);
        },
        args);
  }

  private static List<String> strings(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    try {
      return List.of((String[]) array.getArray());
    } finally {
      array.free();
    }
  }
}
