package nl.herstel.plans.query;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.herstel.plans.api.PlanContent;
import nl.herstel.plans.api.PlanQueries.FindBundleSource;
import nl.herstel.plans.api.PlanQueries.FindPlan;
import nl.herstel.plans.api.PlanQueries.ListInventory;
import nl.herstel.platform.jdbc.Sql;
import org.axonframework.queryhandling.QueryHandler;

/** Gathers what a plan bundle holds from the plans read model and the copy of the BIA. */
public class BundleQueries {
  private static final int ALL = Integer.MAX_VALUE - 1;

  private final Sql sql;
  private final PlanReadModel plans;
  private final InventoryQueries inventory;
  private final ReadinessQueries readiness;

  public BundleQueries(
      Sql sql, PlanReadModel plans, InventoryQueries inventory, ReadinessQueries readiness) {
    this.sql = sql;
    this.plans = plans;
    this.inventory = inventory;
    this.readiness = readiness;
  }

  /** Empty for an unknown plan; without content when the plan was never published. */
  @QueryHandler
  public Optional<PlanBundleSource> source(FindBundleSource query) {
    Optional<PlanView> found = plans.find(new FindPlan(query.planId()));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    PlanView plan = found.get();
    if (plan.publishedVersion() == null) {
      return Optional.of(
          new PlanBundleSource(
              plan.id(),
              plan.name(),
              plan.status(),
              null,
              null,
              null,
              List.of(),
              List.of(),
              List.of(),
              List.of(),
              List.of()));
    }
    PlanContent content =
        sql.one(
                "SELECT document FROM plan_version WHERE plan_id = ? AND version = ?",
                r -> Sql.fromJson(r.getString(1), PlanContent.class),
                plan.id(),
                plan.publishedVersion())
            .orElseThrow();
    List<PlanBundleSource.Process> processes =
        content.coveredProcessIds().isEmpty()
            ? List.of()
            : sql.list(
                "SELECT * FROM plan_known_process WHERE process_id = ANY (?)"
                    + " ORDER BY crown_jewel DESC, rto_seconds, name",
                r ->
                    new PlanBundleSource.Process(
                        r.getString("process_id"),
                        r.getString("name"),
                        r.getBoolean("crown_jewel"),
                        Sql.duration(r, "mtpd_seconds"),
                        Sql.duration(r, "rto_seconds"),
                        Sql.duration(r, "rpo_seconds")),
                content.coveredProcessIds());
    Set<String> covered = new HashSet<>(content.coveredProcessIds());
    List<InventoryItem> systems =
        inventory.list(new ListInventory(0, ALL)).stream()
            .filter(i -> i.processes().stream().anyMatch(p -> covered.contains(p.id())))
            .toList();
    List<PlanView.BundleRecord> bundles = plans.bundles(plan.id());
    return Optional.of(
        new PlanBundleSource(
            plan.id(),
            content.name(),
            plan.status(),
            plan.publishedVersion(),
            plan.publishedAt(),
            content,
            processes,
            systems,
            plans.supplierChecks(content),
            bundles,
            readiness.compute(content.coveredProcessIds())));
  }
}
