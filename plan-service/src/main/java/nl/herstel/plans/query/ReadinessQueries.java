package nl.herstel.plans.query;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.herstel.plans.api.PreparednessQueries.FindReadiness;
import nl.herstel.plans.api.PreparednessQueries.ListReadiness;
import nl.herstel.plans.query.ReadinessView.Check;
import nl.herstel.plans.query.ReadinessView.CheckKind;
import nl.herstel.plans.query.ReadinessView.Counts;
import nl.herstel.plans.query.ReadinessView.Outcome;
import nl.herstel.plans.query.ReadinessView.PlanSummary;
import nl.herstel.plans.query.ReadinessView.ProcessBrief;
import nl.herstel.plans.query.ReadinessView.ProcessReadiness;
import nl.herstel.plans.query.ReadinessView.Summary;
import nl.herstel.platform.jdbc.Sql;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Readiness per business process, computed at read time from the copy of the BIA (process → assets
 * it relies on, transitively) and the preparedness read model. Each fact is read for all processes
 * asked at once (a handful of set-based queries, never one per process or asset), then the checks
 * are judged in memory; so one process and the whole organisation cost the same number of round
 * trips. The rules, in short (README, "Readiness"):
 *
 * <ul>
 *   <li>Data assets are the BIA assets of kind DATA the process relies on; their backup policies
 *       are those covering DATA.
 *   <li>3-2-1: per data asset ≥ 3 copies (the live data plus ≥ 2 policies), ≥ 2 media among the
 *       policies, ≥ 1 policy off site, offline or with an offline copy.
 *   <li>A restore test counts while it is younger than its policy's restore test interval (default
 *       P90D); the newest per data asset must have succeeded, taken ≤ RTO, and lost ≤ RPO (started
 *       at minus restore point).
 *   <li>A threat counts as ransomware when its name says so; it hits a process when the BIA rated
 *       its impact on it, or a scenario card of a plan covering the process answers it.
 *   <li>The supplier check holds the guaranteed recovery time of every supplier asset the process
 *       relies on against its RTO: the SLA figure a published covering plan gives the supplier (the
 *       weakest, if several do), else the BIA's guarantee; the reason says which.
 *   <li>The newest completed exercise result, or real recovery in an incident, within the last year
 *       must meet the RTO; a real recovery names the plan activated in the incident.
 *   <li>Each role of a team member in a covering plan needs the member or their deputy with a
 *       training record for that role (for that plan or for no plan) valid today.
 * </ul>
 */
public class ReadinessQueries {
  private static final Duration YEAR = Duration.ofDays(365);

  private final Sql sql;

  public ReadinessQueries(Sql sql) {
    this.sql = sql;
  }

  @QueryHandler
  public Optional<ProcessReadiness> find(FindReadiness query) {
    return compute(List.of(query.processId())).stream().findFirst();
  }

  @QueryHandler
  public Summary summary(ListReadiness query) {
    List<ProcessReadiness> all = compute(null);
    Map<String, List<ProcessReadiness>> byPlan = new TreeMap<>();
    for (ProcessReadiness p : all) {
      for (String planId : p.planIds()) {
        byPlan.computeIfAbsent(planId, k -> new ArrayList<>()).add(p);
      }
    }
    Map<String, String> names = new HashMap<>();
    if (!byPlan.isEmpty()) {
      sql.list(
          "SELECT plan_id, name FROM plan_plan WHERE plan_id = ANY (?)",
          r -> names.put(r.getString(1), r.getString(2)),
          byPlan.keySet());
    }
    List<PlanSummary> plans =
        byPlan.entrySet().stream()
            .map(
                e ->
                    new PlanSummary(
                        e.getKey(),
                        names.get(e.getKey()),
                        worst(e.getValue().stream().map(ProcessReadiness::outcome).toList()),
                        Counts.of(e.getValue())))
            .sorted(
                Comparator.comparing(PlanSummary::name, Comparator.nullsLast(String::compareTo)))
            .toList();
    List<ProcessBrief> processes =
        all.stream()
            .map(p -> new ProcessBrief(p.processId(), p.name(), p.outcome(), p.failing()))
            .toList();
    return new Summary(Counts.of(all), plans, processes);
  }

  /** The readiness of the given live processes, or of all when {@code processIds} is null. */
  public List<ProcessReadiness> compute(Collection<String> processIds) {
    if (processIds != null && processIds.isEmpty()) {
      return List.of();
    }
    Facts f = new Facts(processIds);
    List<ProcessReadiness> result = new ArrayList<>(f.processes.size());
    for (Proc p : f.processes.values()) {
      result.add(judge(p, f));
    }
    return result;
  }

  private record Proc(String id, String name, boolean crownJewel, Duration rto, Duration rpo) {}

  private record Asset(String id, String name, String kind, Duration guarantee) {}

  private record Backups(
      int dataPolicies,
      int dataMedia,
      boolean offsite,
      Duration minFrequency,
      boolean protectedCopy) {}

  private record RestoreRun(
      Instant startedAt,
      Instant restorePoint,
      Duration duration,
      String result,
      Boolean intact,
      Duration interval) {}

  /**
   * The newest exercise result or real recovery of a process.
   *
   * @param activatedPlan for a real recovery, the plan activated in the incident (one covering the
   *     process first); null if none is known
   */
  private record Recovery(
      String source,
      String id,
      Duration achieved,
      Instant at,
      String findings,
      String activatedPlan,
      Instant activatedAt) {}

  private record Plan(
      String id, String name, String status, LocalDate reviewDue, boolean published) {}

  private record Role(String planId, String role, boolean trained) {}

  /** A published plan's own SLA figure for a BIA supplier asset (PlanContent.SupplierAgreement). */
  private record Sla(String planId, String planName, Duration guarantee) {}

  /** Every fact the checks need, read set-based for one process or all. */
  private final class Facts {
    final Map<String, Proc> processes = new LinkedHashMap<>();
    final Map<String, List<Asset>> reach = new HashMap<>();
    final Map<String, Backups> backups = new HashMap<>();
    final Map<String, RestoreRun> restores = new HashMap<>();
    final Map<String, List<String>> ransomware = new HashMap<>();
    final Map<String, Recovery> recoveries = new HashMap<>();
    final Map<String, List<Plan>> plans = new HashMap<>();
    final Map<String, List<Role>> roles = new HashMap<>();
    final Map<String, List<Sla>> slas = new HashMap<>();

    Facts(Collection<String> processIds) {
      boolean one = processIds != null;
      Object[] arg = one ? new Object[] {processIds} : new Object[0];
      String onlyP = one ? " AND p.process_id = ANY (?)" : "";
      sql.list(
          "SELECT p.process_id, p.name, p.crown_jewel, p.rto_seconds, p.rpo_seconds"
              + " FROM plan_known_process p WHERE NOT p.retired"
              + onlyP
              + " ORDER BY p.crown_jewel DESC, p.rto_seconds, p.name, p.process_id",
          r ->
              processes.put(
                  r.getString(1),
                  new Proc(
                      r.getString(1),
                      r.getString(2),
                      r.getBoolean(3),
                      Sql.duration(r, "rto_seconds"),
                      Sql.duration(r, "rpo_seconds"))),
          arg);
      if (processes.isEmpty()) {
        return;
      }
      Set<String> assetIds = new HashSet<>();
      sql.list(
          "WITH RECURSIVE reach(process_id, node) AS ("
              + " SELECT p.process_id, d.to_id FROM plan_known_process p"
              + " JOIN plan_bia_dependency d ON d.from_id = p.process_id WHERE NOT p.retired"
              + onlyP
              + " UNION SELECT r.process_id, d.to_id FROM reach r"
              + " JOIN plan_bia_dependency d ON d.from_id = r.node)"
              + " SELECT r.process_id, a.asset_id, a.name, a.kind, a.guarantee_seconds"
              + " FROM reach r JOIN plan_bia_asset a ON a.asset_id = r.node AND NOT a.retired"
              + " ORDER BY a.name",
          r -> {
            assetIds.add(r.getString(2));
            return reach
                .computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                .add(
                    new Asset(
                        r.getString(2),
                        r.getString(3),
                        r.getString(4),
                        Sql.duration(r, "guarantee_seconds")));
          },
          arg);
      String onlyA = one ? " WHERE asset_id = ANY (?)" : "";
      Object[] assets = one ? new Object[] {assetIds} : new Object[0];
      if (!one || !assetIds.isEmpty()) {
        sql.list(
            "SELECT asset_id, count(*) FILTER (WHERE covers_data),"
                + " count(DISTINCT media) FILTER (WHERE covers_data),"
                + " COALESCE(bool_or(covers_data AND (location <> 'ONSITE' OR offline_copy)), false),"
                + " min(frequency_seconds) FILTER (WHERE covers_data),"
                + " COALESCE(bool_or(covers_data AND (immutable OR offline_copy"
                + "   OR location = 'OFFLINE')), false)"
                + " FROM plan_backup_policy"
                + onlyA
                + " GROUP BY asset_id",
            r -> {
              long freq = r.getLong(5);
              return backups.put(
                  r.getString(1),
                  new Backups(
                      r.getInt(2),
                      r.getInt(3),
                      r.getBoolean(4),
                      r.wasNull() || freq == 0 ? null : Duration.ofSeconds(freq),
                      r.getBoolean(6)));
            },
            assets);
        sql.list(
            "SELECT DISTINCT ON (t.asset_id) t.asset_id, t.started_at, t.restore_point,"
                + " t.duration_seconds, t.result, t.hash_before, t.hash_after,"
                + " b.restore_test_interval_seconds"
                + " FROM plan_restore_test t JOIN plan_backup_policy b ON b.policy_id = t.policy_id"
                + (one ? " WHERE t.asset_id = ANY (?)" : "")
                + " ORDER BY t.asset_id, t.started_at DESC, t.test_id",
            r -> {
              String before = r.getString(6);
              String after = r.getString(7);
              return restores.put(
                  r.getString(1),
                  new RestoreRun(
                      Sql.instant(r, "started_at"),
                      Sql.instant(r, "restore_point"),
                      Sql.duration(r, "duration_seconds"),
                      r.getString(5),
                      before == null || after == null ? null : before.equals(after),
                      Sql.duration(r, "restore_test_interval_seconds")));
            },
            assets);
      }
      String onlyI = one ? " AND i.process_id = ANY (?)" : "";
      String onlyC = one ? " AND pp.target_id = ANY (?)" : "";
      sql.list(
          "SELECT DISTINCT process_id, name FROM ("
              + " SELECT i.process_id, t.name FROM plan_bia_threat_impact i"
              + " JOIN plan_bia_threat t ON t.threat_id = i.threat_id"
              + " WHERE t.name ILIKE '%ransomware%'"
              + onlyI
              + " UNION SELECT pp.target_id, t.name FROM plan_link pp"
              + " JOIN plan_link pt ON pt.plan_id = pp.plan_id AND pt.kind = 'THREAT'"
              + " JOIN plan_bia_threat t ON t.threat_id = pt.target_id"
              + " WHERE pp.kind = 'PROCESS' AND t.name ILIKE '%ransomware%'"
              + onlyC
              + ") x ORDER BY name",
          r ->
              ransomware
                  .computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                  .add(r.getString(2)),
          one ? new Object[] {processIds, processIds} : new Object[0]);
      String onlyR = one ? " AND r.process_id = ANY (?)" : "";
      String onlyRr = one ? " AND rr.process_id = ANY (?)" : "";
      sql.list(
          "SELECT DISTINCT ON (process_id) * FROM ("
              + " SELECT r.process_id, 'EXERCISE' AS source, x.exercise_id AS id,"
              + " r.achieved_seconds, x.completed_at AS at, r.findings,"
              + " NULL AS plan_name, NULL::timestamptz AS activated_at"
              + " FROM plan_exercise_result r"
              + " JOIN plan_exercise x ON x.exercise_id = r.exercise_id"
              + " WHERE x.status = 'COMPLETED' AND x.completed_at >= ?"
              + onlyR
              + " UNION ALL SELECT rr.process_id, 'INCIDENT', rr.incident_id, rr.achieved_seconds,"
              + " rr.restored_at, '[]', a.name, a.activated_at FROM plan_real_recovery rr"
              + " LEFT JOIN LATERAL (SELECT pl.name, pa.activated_at FROM plan_activation pa"
              + "   JOIN plan_plan pl ON pl.plan_id = pa.plan_id"
              + "   LEFT JOIN plan_covered_process c"
              + "     ON c.plan_id = pa.plan_id AND c.process_id = rr.process_id"
              + "   WHERE pa.incident_id = rr.incident_id"
              + "   ORDER BY c.process_id IS NULL, pa.activated_at LIMIT 1) a ON true"
              + " WHERE rr.restored_at >= ?"
              + onlyRr
              + ") u ORDER BY process_id, at DESC, id",
          r ->
              recoveries.put(
                  r.getString("process_id"),
                  new Recovery(
                      r.getString("source"),
                      r.getString("id"),
                      Sql.duration(r, "achieved_seconds"),
                      Sql.instant(r, "at"),
                      r.getString("findings"),
                      r.getString("plan_name"),
                      Sql.instant(r, "activated_at"))),
          one
              ? new Object[] {
                Instant.now().minus(YEAR), processIds, Instant.now().minus(YEAR), processIds
              }
              : new Object[] {Instant.now().minus(YEAR), Instant.now().minus(YEAR)});
      Set<String> planIds = new HashSet<>();
      sql.list(
          "SELECT c.process_id, pl.plan_id, pl.name, pl.status, pl.review_due,"
              + " pl.published_version IS NOT NULL AS published"
              + " FROM plan_covered_process c JOIN plan_plan pl ON pl.plan_id = c.plan_id"
              + " WHERE pl.status <> 'RETIRED'"
              + (one ? " AND c.process_id = ANY (?)" : "")
              + " ORDER BY pl.name, pl.plan_id",
          r -> {
            planIds.add(r.getString(2));
            return plans
                .computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                .add(
                    new Plan(
                        r.getString(2),
                        r.getString(3),
                        r.getString(4),
                        r.getObject(5, LocalDate.class),
                        r.getBoolean(6)));
          },
          arg);
      if (!planIds.isEmpty()) {
        sql.list(
            "SELECT pl.plan_id, m->>'role' AS role, bool_or(EXISTS (SELECT 1"
                + "   FROM plan_training_record t WHERE t.role = m->>'role'"
                + "   AND (t.plan_id = pl.plan_id OR t.plan_id IS NULL)"
                + "   AND t.person IN (m->>'contactId', COALESCE(m->>'deputyContactId', ''))"
                + "   AND t.valid_until >= CURRENT_DATE)) AS trained"
                + " FROM plan_plan pl,"
                + " jsonb_array_elements(COALESCE(pl.content::jsonb->'teams', '[]'::jsonb)) tm,"
                + " jsonb_array_elements(COALESCE(tm->'members', '[]'::jsonb)) m"
                + " WHERE pl.plan_id = ANY (?) GROUP BY pl.plan_id, m->>'role'"
                + " ORDER BY pl.plan_id, role",
            r ->
                roles
                    .computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                    .add(new Role(r.getString(1), r.getString(2), r.getBoolean(3))),
            planIds);
        sql.list(
            "SELECT pl.plan_id, pl.name, s->>'assetId', s->>'guaranteedRecoveryTime'"
                + " FROM plan_plan pl JOIN plan_version v"
                + "   ON v.plan_id = pl.plan_id AND v.version = pl.published_version,"
                + " jsonb_array_elements(COALESCE(v.document::jsonb->'suppliers', '[]'::jsonb)) s"
                + " WHERE pl.plan_id = ANY (?) AND s->>'assetId' IS NOT NULL"
                + " AND s->>'guaranteedRecoveryTime' IS NOT NULL",
            r ->
                slas.computeIfAbsent(r.getString(3), k -> new ArrayList<>())
                    .add(new Sla(r.getString(1), r.getString(2), Duration.parse(r.getString(4)))),
            planIds);
      }
    }
  }

  private static ProcessReadiness judge(Proc p, Facts f) {
    List<Asset> assets = f.reach.getOrDefault(p.id(), List.of());
    List<Asset> data = assets.stream().filter(a -> "DATA".equals(a.kind())).toList();
    List<Plan> plans = f.plans.getOrDefault(p.id(), List.of());
    List<Check> checks = new ArrayList<>();
    checks.add(threeTwoOne(data, f));
    checks.add(interval(p, data, f));
    checks.add(ransomware(p, data, f));
    checks.add(restoreTest(p, data, f));
    checks.add(suppliers(p, assets, plans, f));
    checks.add(exercise(p, f));
    checks.add(trainedRoles(plans, f));
    checks.add(planCurrent(plans));
    return new ProcessReadiness(
        p.id(),
        p.name(),
        p.crownJewel(),
        p.rto(),
        p.rpo(),
        worst(checks.stream().map(Check::outcome).toList()),
        plans.stream().map(Plan::id).toList(),
        assets.stream().map(Asset::id).toList(),
        checks);
  }

  private static Check threeTwoOne(List<Asset> data, Facts f) {
    if (data.isEmpty()) {
      return noData(CheckKind.THREE_TWO_ONE);
    }
    List<String> failing = new ArrayList<>();
    for (Asset a : data) {
      Backups b = f.backups.get(a.id());
      int copies = 1 + (b == null ? 0 : b.dataPolicies());
      int media = b == null ? 0 : b.dataMedia();
      boolean offsite = b != null && b.offsite();
      if (copies < 3 || media < 2 || !offsite) {
        failing.add(
            "'%s' has %d copies (3 needed), %d media (2 needed), %s"
                .formatted(
                    a.name(), copies, media, offsite ? "a copy off site" : "no copy off site"));
      }
    }
    return failing.isEmpty()
        ? new Check(
            CheckKind.THREE_TWO_ONE,
            Outcome.PASS,
            "Every data asset has 3 copies on 2 media, 1 off site: " + names(data))
        : new Check(CheckKind.THREE_TWO_ONE, Outcome.FAIL, String.join("; ", failing));
  }

  private static Check interval(Proc p, List<Asset> data, Facts f) {
    if (data.isEmpty()) {
      return noData(CheckKind.BACKUP_INTERVAL);
    }
    if (p.rpo() == null) {
      return new Check(
          CheckKind.BACKUP_INTERVAL, Outcome.UNKNOWN, "The BIA sets no RPO for the process");
    }
    List<String> failing = new ArrayList<>();
    for (Asset a : data) {
      Backups b = f.backups.get(a.id());
      if (b == null || b.minFrequency() == null) {
        failing.add("'" + a.name() + "' has no backup policy covering its data");
      } else if (b.minFrequency().compareTo(p.rpo()) > 0) {
        failing.add(
            "'%s' is backed up every %s, the RPO is %s"
                .formatted(a.name(), b.minFrequency(), p.rpo()));
      }
    }
    return failing.isEmpty()
        ? new Check(
            CheckKind.BACKUP_INTERVAL,
            Outcome.PASS,
            "Every data asset is backed up at least every " + p.rpo() + " (RPO)")
        : new Check(CheckKind.BACKUP_INTERVAL, Outcome.FAIL, String.join("; ", failing));
  }

  private static Check ransomware(Proc p, List<Asset> data, Facts f) {
    List<String> threats = f.ransomware.get(p.id());
    if (threats == null) {
      return new Check(
          CheckKind.RANSOMWARE_COPY,
          Outcome.PASS,
          "No ransomware threat hits the process in the BIA; no offline copy required");
    }
    if (data.isEmpty()) {
      return noData(CheckKind.RANSOMWARE_COPY);
    }
    List<String> bare =
        data.stream()
            .filter(a -> f.backups.get(a.id()) == null || !f.backups.get(a.id()).protectedCopy())
            .map(Asset::name)
            .toList();
    String threat = "the threat " + String.join(", ", threats) + " hits the process";
    return bare.isEmpty()
        ? new Check(
            CheckKind.RANSOMWARE_COPY,
            Outcome.PASS,
            "Every data asset has an offline or immutable copy; " + threat)
        : new Check(
            CheckKind.RANSOMWARE_COPY,
            Outcome.FAIL,
            "No offline or immutable copy of '" + String.join("', '", bare) + "'; " + threat);
  }

  private static Check restoreTest(Proc p, List<Asset> data, Facts f) {
    if (data.isEmpty()) {
      return noData(CheckKind.RESTORE_TEST);
    }
    Instant now = Instant.now();
    List<String> failing = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (Asset a : data) {
      RestoreRun t = f.restores.get(a.id());
      if (t == null) {
        failing.add("'" + a.name() + "' was never restore-tested");
        continue;
      }
      if (t.startedAt().plus(t.interval()).isBefore(now)) {
        failing.add(
            "the last restore test of '%s' (%s) is older than its interval %s"
                .formatted(a.name(), t.startedAt(), t.interval()));
        continue;
      }
      if (!"SUCCEEDED".equals(t.result())) {
        failing.add("the last restore test of '" + a.name() + "' " + t.result());
      } else if (Boolean.FALSE.equals(t.intact())) {
        failing.add("the data of '" + a.name() + "' came back altered (hash differs)");
      }
      if (p.rto() != null && t.duration().compareTo(p.rto()) > 0) {
        failing.add(
            "restoring '%s' took %s, the RTO is %s".formatted(a.name(), t.duration(), p.rto()));
      }
      Duration loss = Duration.between(t.restorePoint(), t.startedAt());
      if (p.rpo() == null) {
        unknown.add("no RPO to hold the data loss of '" + a.name() + "' against");
      } else if (loss.compareTo(p.rpo()) > 0) {
        failing.add(
            "restoring '%s' lost %s of data, the RPO is %s".formatted(a.name(), loss, p.rpo()));
      }
    }
    if (!failing.isEmpty()) {
      return new Check(CheckKind.RESTORE_TEST, Outcome.FAIL, String.join("; ", failing));
    }
    if (!unknown.isEmpty()) {
      return new Check(CheckKind.RESTORE_TEST, Outcome.UNKNOWN, String.join("; ", unknown));
    }
    return new Check(
        CheckKind.RESTORE_TEST,
        Outcome.PASS,
        "A recent restore test of every data asset met the RTO and the RPO: " + names(data));
  }

  private static Check suppliers(Proc p, List<Asset> assets, List<Plan> plans, Facts f) {
    List<Asset> suppliers = assets.stream().filter(a -> "SUPPLIER".equals(a.kind())).toList();
    if (suppliers.isEmpty()) {
      return new Check(
          CheckKind.SUPPLIER_GUARANTEE, Outcome.PASS, "The process relies on no supplier");
    }
    Set<String> covering = plans.stream().map(Plan::id).collect(Collectors.toSet());
    List<String> slow = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    List<String> met = new ArrayList<>();
    for (Asset s : suppliers) {
      Optional<Sla> sla =
          f.slas.getOrDefault(s.id(), List.of()).stream()
              .filter(x -> covering.contains(x.planId()))
              .max(Comparator.comparing(Sla::guarantee));
      Duration guarantee = sla.map(Sla::guarantee).orElse(s.guarantee());
      String source =
          sla.map(x -> "the SLA in plan '" + x.planName() + "'")
              .orElse(s.guarantee() == null ? null : "the BIA");
      if (guarantee == null) {
        unknown.add(
            "'" + s.name() + "' guarantees no recovery time (no covering plan's SLA, nor the BIA)");
      } else if (p.rto() != null && guarantee.compareTo(p.rto()) > 0) {
        slow.add(
            "'%s' guarantees recovery in %s (%s), the RTO is %s"
                .formatted(s.name(), guarantee, source, p.rto()));
      } else {
        met.add("'%s' %s (%s)".formatted(s.name(), guarantee, source));
      }
    }
    if (!slow.isEmpty()) {
      return new Check(CheckKind.SUPPLIER_GUARANTEE, Outcome.FAIL, String.join("; ", slow));
    }
    if (!unknown.isEmpty()) {
      return new Check(CheckKind.SUPPLIER_GUARANTEE, Outcome.UNKNOWN, String.join("; ", unknown));
    }
    return new Check(
        CheckKind.SUPPLIER_GUARANTEE,
        Outcome.PASS,
        "Every supplier guarantees recovery within the RTO "
            + p.rto()
            + ": "
            + String.join(", ", met));
  }

  private static Check exercise(Proc p, Facts f) {
    Recovery r = f.recoveries.get(p.id());
    if (r == null) {
      return new Check(
          CheckKind.EXERCISE,
          Outcome.FAIL,
          "No completed exercise or real recovery of the process within the last year");
    }
    String what;
    if ("EXERCISE".equals(r.source())) {
      what = "In exercise " + r.id() + " (" + r.at() + ")";
    } else if (r.activatedPlan() != null) {
      what =
          "Real activation of plan '%s' in incident %s on %s: restored %s,"
              .formatted(
                  r.activatedPlan(),
                  r.id(),
                  r.activatedAt().atOffset(ZoneOffset.UTC).toLocalDate(),
                  r.at());
    } else {
      what = "In incident " + r.id() + " (" + r.at() + ")";
    }
    if (p.rto() == null) {
      return new Check(
          CheckKind.EXERCISE,
          Outcome.UNKNOWN,
          "%s the process recovered in %s; the BIA sets no RTO".formatted(what, r.achieved()));
    }
    if (r.achieved().compareTo(p.rto()) > 0) {
      String findings = "[]".equals(r.findings()) ? "" : "; findings: " + r.findings();
      return new Check(
          CheckKind.EXERCISE,
          Outcome.FAIL,
          "%s the process recovered in %s, the RTO is %s%s"
              .formatted(what, r.achieved(), p.rto(), findings));
    }
    return new Check(
        CheckKind.EXERCISE,
        Outcome.PASS,
        "%s the process recovered in %s, within the RTO %s".formatted(what, r.achieved(), p.rto()));
  }

  private static Check trainedRoles(List<Plan> plans, Facts f) {
    if (plans.isEmpty()) {
      return new Check(CheckKind.TRAINED_ROLES, Outcome.FAIL, "No published plan covers it");
    }
    List<Role> roles =
        plans.stream().flatMap(p -> f.roles.getOrDefault(p.id(), List.of()).stream()).toList();
    if (roles.isEmpty()) {
      return new Check(
          CheckKind.TRAINED_ROLES,
          Outcome.UNKNOWN,
          "The covering plans name no team roles to be trained for");
    }
    List<String> untrained =
        roles.stream().filter(r -> !r.trained()).map(Role::role).distinct().toList();
    return untrained.isEmpty()
        ? new Check(
            CheckKind.TRAINED_ROLES,
            Outcome.PASS,
            "Every role is held by a member with current training: "
                + roles.stream().map(Role::role).distinct().collect(Collectors.joining(", ")))
        : new Check(
            CheckKind.TRAINED_ROLES,
            Outcome.FAIL,
            "No member (or deputy) with current training for: " + String.join(", ", untrained));
  }

  private static Check planCurrent(List<Plan> plans) {
    if (plans.isEmpty()) {
      return new Check(
          CheckKind.PLAN_CURRENT, Outcome.FAIL, "No published plan covers the process");
    }
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    List<String> current =
        plans.stream()
            .filter(p -> p.published() && (p.reviewDue() == null || !p.reviewDue().isBefore(today)))
            .map(Plan::name)
            .toList();
    if (current.isEmpty()) {
      return new Check(
          CheckKind.PLAN_CURRENT,
          Outcome.FAIL,
          "Every covering plan is overdue for review: "
              + plans.stream()
                  .map(p -> p.name() + " (review due " + p.reviewDue() + ")")
                  .collect(Collectors.joining(", ")));
    }
    return new Check(
        CheckKind.PLAN_CURRENT,
        Outcome.PASS,
        "Published and not overdue for review: " + String.join(", ", current));
  }

  private static Check noData(CheckKind kind) {
    return new Check(kind, Outcome.UNKNOWN, "The BIA names no data asset the process relies on");
  }

  private static String names(List<Asset> assets) {
    return assets.stream().map(Asset::name).collect(Collectors.joining(", "));
  }

  static Outcome worst(List<Outcome> outcomes) {
    if (outcomes.contains(Outcome.FAIL)) {
      return Outcome.FAIL;
    }
    return outcomes.contains(Outcome.UNKNOWN) || outcomes.isEmpty()
        ? Outcome.UNKNOWN
        : Outcome.PASS;
  }
}
