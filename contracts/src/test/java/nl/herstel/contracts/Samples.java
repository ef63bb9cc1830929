package nl.herstel.contracts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.herstel.contracts.bia.AssetChanged;
import nl.herstel.contracts.bia.AssetIdentifierAdded;
import nl.herstel.contracts.bia.AssetIdentifierRemoved;
import nl.herstel.contracts.bia.AssetKind;
import nl.herstel.contracts.bia.AssetRegistered;
import nl.herstel.contracts.bia.AssetRetired;
import nl.herstel.contracts.bia.DependencyAdded;
import nl.herstel.contracts.bia.DependencyRemoved;
import nl.herstel.contracts.bia.IdentifierKind;
import nl.herstel.contracts.bia.NodeKind;
import nl.herstel.contracts.bia.ProcessChanged;
import nl.herstel.contracts.bia.ProcessRegistered;
import nl.herstel.contracts.bia.ProcessRetired;
import nl.herstel.contracts.bia.RecoveryTargetsSet;
import nl.herstel.contracts.bia.RevisionDecided;
import nl.herstel.contracts.bia.RevisionProposed;
import nl.herstel.contracts.bia.SupplierTerms;
import nl.herstel.contracts.bia.TargetSource;
import nl.herstel.contracts.bia.ThreatImpactRated;
import nl.herstel.contracts.bia.ThreatLikelihoodChanged;
import nl.herstel.contracts.bia.ThreatRegistered;
import nl.herstel.contracts.incidents.ActivatedPlan;
import nl.herstel.contracts.incidents.AffectedProcess;
import nl.herstel.contracts.incidents.AssetHintMapped;
import nl.herstel.contracts.incidents.CostRecorded;
import nl.herstel.contracts.incidents.DecisionRecorded;
import nl.herstel.contracts.incidents.IncidentClassified;
import nl.herstel.contracts.incidents.IncidentClosed;
import nl.herstel.contracts.incidents.IncidentExtended;
import nl.herstel.contracts.incidents.IncidentMerged;
import nl.herstel.contracts.incidents.IncidentOpened;
import nl.herstel.contracts.incidents.IncidentTransitioned;
import nl.herstel.contracts.incidents.NotificationObligationRegistered;
import nl.herstel.contracts.incidents.NotificationOverdue;
import nl.herstel.contracts.incidents.NotificationSubmitted;
import nl.herstel.contracts.incidents.PlanActivated;
import nl.herstel.contracts.incidents.ProcessRestored;
import nl.herstel.contracts.incidents.RecoveryDeadlineBreached;
import nl.herstel.contracts.incidents.RecoveryTaskCreated;
import nl.herstel.contracts.incidents.RecoveryTaskStatusChanged;
import nl.herstel.contracts.incidents.Restoration;
import nl.herstel.contracts.incidents.Severity;
import nl.herstel.contracts.lessons.BiaRevisionProposed;
import nl.herstel.contracts.lessons.Evidence;
import nl.herstel.contracts.lessons.ExerciseRequested;
import nl.herstel.contracts.lessons.PlanRevisionRequested;
import nl.herstel.contracts.lessons.RevisionKind;
import nl.herstel.contracts.lessons.TargetRevisionProposed;
import nl.herstel.contracts.lessons.ThreatLikelihoodProposed;
import nl.herstel.contracts.plans.PlanPublished;
import nl.herstel.contracts.plans.PlanRetired;
import nl.herstel.contracts.plans.PlanReviewDue;
import nl.herstel.contracts.plans.PlanRevised;
import nl.herstel.contracts.plans.ScenarioCard;

/** One filled-in and one minimal (every nullable field null) instance of each event type. */
final class Samples {

  static final Instant DISRUPTED = Instant.parse("2025-03-01T08:00:00Z");
  static final Instant NOW = Instant.parse("2025-03-02T10:15:30.123Z");

  private Samples() {}

  static List<IntegrationEvent> full() {
    return List.of(
        new ProcessRegistered(
            "proc-payments",
            "Payments",
            "Outgoing and incoming payments",
            true,
            true,
            "cfo",
            Duration.ofHours(24),
            Duration.ofHours(8),
            Duration.ofHours(1),
            NOW),
        new AssetRegistered(
            "asset-hosting",
            "Hosting provider",
            AssetKind.SUPPLIER,
            "Runs the payments cluster",
            "it-manager",
            new SupplierTerms("C-2024-17", "SLA-GOLD", Duration.ofHours(4)),
            NOW),
        new DependencyAdded(
            "dep-1",
            "proc-payments",
            NodeKind.PROCESS,
            "asset-paydb",
            NodeKind.ASSET,
            "database-cluster",
            NOW),
        new ProcessChanged(
            "proc-payments", "Payments", "Payments in and out", true, true, "cfo", NOW),
        new AssetChanged(
            "asset-hosting",
            "Hosting provider",
            AssetKind.SUPPLIER,
            null,
            null,
            new SupplierTerms("C-2025-02", null, Duration.ofHours(2)),
            NOW),
        new RevisionProposed(
            "rev-1",
            "proc-payments",
            "inc-1",
            Duration.ofHours(8),
            Duration.ofHours(12),
            Duration.ofHours(36),
            "Recovery took 11h against a target of 8h",
            "lessons-service",
            NOW),
        new RevisionDecided("rev-1", "proc-payments", true, "Agreed", "cfo", NOW, "prop-1"),
        new RecoveryTargetsSet(
            "proc-payments",
            Duration.ofHours(24),
            Duration.ofHours(12),
            Duration.ofMinutes(90),
            TargetSource.REVISION,
            "rev-1",
            "Actual recovery took 11h",
            NOW),
        new DependencyRemoved(
            "dep-1", "proc-payments", NodeKind.PROCESS, "asset-paydb", NodeKind.ASSET, NOW),
        new ProcessRetired("proc-old", "Outsourced to a supplier", NOW),
        new AssetRetired("asset-old", "Decommissioned", NOW),
        new AssetIdentifierAdded(
            "asset-paydb", "id-1", IdentifierKind.FQDN, "db-payments-01.prod.example.nl", NOW),
        new AssetIdentifierRemoved("asset-paydb", "id-2", IdentifierKind.CIDR, "10.20.0.0/16", NOW),
        new AssetHintMapped(
            "map-1",
            "DB-PAYMENTS-01",
            "asset-paydb",
            IdentifierKind.HOSTNAME,
            "db-payments-01",
            "dev-incident-commander",
            NOW),
        new PlanPublished(
            "plan-1",
            "Payments recovery",
            2,
            List.of("proc-payments"),
            List.of("incident-commander"),
            List.of(
                new ScenarioCard(
                    "RANSOMWARE",
                    "Ransomware on the payments database",
                    List.of("Isolate the network", "Restore the last clean backup"),
                    "ransomware",
                    List.of("threat-ransomware"),
                    List.of(
                        new ScenarioCard.Step(
                            "isolate",
                            "Isolate the network",
                            "Pull the segment's uplinks",
                            "network-lead",
                            Duration.ofMinutes(30),
                            1,
                            List.of()),
                        new ScenarioCard.Step(
                            "restore",
                            "Restore the last clean backup",
                            null,
                            null,
                            null,
                            2,
                            List.of("isolate"))))),
            NOW,
            "CIO",
            List.of("Payments unavailable for more than 1 hour"),
            List.of("Payments run normally for 24 hours"),
            List.of(new PlanPublished.Mandate("incident-commander", "DISCONNECT", "Any segment")),
            List.of(
                new PlanPublished.Team(
                    "net",
                    "Network team",
                    "NETWORK",
                    List.of(new PlanPublished.TeamMember("Ann", "network-lead", "Bob")))),
            List.of(
                new PlanPublished.CallTreeEntry(
                    1,
                    "Ann",
                    "Herstel BV",
                    "Network lead",
                    Duration.ofMinutes(15),
                    List.of(new PlanPublished.Channel("PHONE", "+31 6 1234 5678", true)))),
            java.time.LocalDate.of(2027, 6, 1)),
        new ThreatRegistered("threat-ransomware", "Ransomware", "Encrypting malware", 4, NOW),
        new ThreatLikelihoodChanged("threat-ransomware", 5, NOW),
        new ThreatImpactRated("threat-ransomware", "proc-payments", 5, NOW),
        new PlanRevised("plan-1", "Payments recovery", 3, "IN_REVIEW", "Yearly review", NOW),
        new PlanRetired("plan-1", 4, "Replaced by the group plan", NOW),
        new PlanReviewDue(
            "plan-1",
            "Payments recovery",
            3,
            "process:proc-payments",
            "The BIA changed the RTO",
            java.time.LocalDate.of(2027, 6, 1),
            NOW),
        new nl.herstel.contracts.plans.ExerciseCompleted(
            "ex-1",
            "plan-1",
            "LIVE_RECOVERY",
            "Restore drill",
            "ransomware",
            List.of(
                new nl.herstel.contracts.plans.ExerciseCompleted.Result(
                    "proc-payments", Duration.ofHours(10), List.of("Keys were in the vault"))),
            NOW),
        new nl.herstel.contracts.plans.RestoreTestRecorded(
            "rt-1",
            "asset-paydb",
            "bp-1",
            DISRUPTED,
            DISRUPTED.minus(Duration.ofMinutes(40)),
            Duration.ofHours(3),
            true,
            "SUCCEEDED",
            NOW),
        new nl.herstel.contracts.plans.TrainingRecorded(
            "tr-1",
            "ann",
            "db-lead",
            "plan-1",
            "Restore drill",
            java.time.LocalDate.of(2025, 3, 1),
            java.time.LocalDate.of(2026, 3, 1),
            NOW),
        new nl.herstel.contracts.plans.ReadinessChanged(
            "proc-payments",
            "FAIL",
            List.of(
                new nl.herstel.contracts.plans.ReadinessChanged.FailingCheck(
                    "BACKUP_INTERVAL", "Backed up every P1D, the RPO is PT1H")),
            NOW),
        new IncidentOpened(
            "inc-1",
            "Ransomware on payments database",
            Severity.CRITICAL,
            DISRUPTED,
            List.of("asset-paydb"),
            List.of(
                new AffectedProcess(
                    "proc-payments",
                    "Payments",
                    Duration.ofHours(8),
                    Duration.ofHours(24),
                    DISRUPTED.plus(Duration.ofHours(8)),
                    DISRUPTED.plus(Duration.ofHours(24)),
                    Duration.ofHours(1))),
            NOW,
            "inc-0"),
        new IncidentClosed(
            "inc-1",
            DISRUPTED,
            List.of(
                new Restoration(
                    "proc-payments",
                    DISRUPTED.plus(Duration.ofHours(11)),
                    DISRUPTED.minus(Duration.ofHours(3)),
                    Duration.ofHours(1))),
            "Restored from backup",
            NOW,
            "RANSOMWARE",
            List.of(new ActivatedPlan("plan-1", 2, "card-ransomware"))),
        // issue 13: incident story
        new IncidentClassified("inc-1", "RANSOMWARE", "MALWARE", "Ransom note found", "ic", NOW),
        new PlanActivated(
            "inc-1",
            "plan-1",
            2,
            "Payments recovery",
            "RANSOMWARE",
            "Ransomware on the payments database",
            "incident-commander",
            "Payments down",
            "dev-incident-commander",
            NOW),
        new IncidentTransitioned("inc-1", "RECOVERING", "RECOVERED", "All restored", "ic", NOW),
        new RecoveryDeadlineBreached(
            "inc-1",
            "proc-payments",
            "RTO",
            DISRUPTED.plus(Duration.ofHours(8)),
            DISRUPTED.plus(Duration.ofHours(8)).plusSeconds(20),
            NOW),
        new NotificationObligationRegistered(
            "inc-1",
            "obl-1",
            "DATA_PROTECTION_AUTHORITY",
            "GDPR (AVG) art. 33",
            DISRUPTED,
            DISRUPTED.plus(Duration.ofHours(72)),
            NOW),
        new NotificationSubmitted("inc-1", "obl-1", "DATA_PROTECTION_AUTHORITY", NOW, true, NOW),
        new NotificationOverdue(
            "inc-1", "obl-2", "NCSC", DISRUPTED.plus(Duration.ofHours(24)), NOW, NOW),
        new ProcessRestored(
            "inc-1",
            "proc-payments",
            DISRUPTED,
            DISRUPTED.plus(Duration.ofHours(11)),
            DISRUPTED.minus(Duration.ofHours(2)),
            Duration.ofHours(11),
            Duration.ofHours(2),
            Duration.ofHours(8),
            Duration.ofHours(1),
            false,
            false,
            NOW),
        new CostRecorded(
            "inc-1",
            "cost-1",
            "LABOUR",
            new java.math.BigDecimal("1250.50"),
            "EUR",
            "Forensics firm",
            DISRUPTED.plus(Duration.ofHours(3)),
            NOW),
        new RecoveryTaskCreated(
            "inc-1",
            "task-1",
            1,
            "Isolate the network",
            "network-lead",
            "plan-1",
            "RANSOMWARE",
            NOW),
        new RecoveryTaskStatusChanged("inc-1", "task-1", "TODO", "IN_PROGRESS", "ann", NOW),
        new DecisionRecorded(
            "inc-1",
            "dec-1",
            List.of("Database encrypted"),
            List.of("Whether backups are clean"),
            List.of("Restore", "Pay"),
            List.of("Backups infected"),
            "Restore from the last clean backup",
            "Never pay",
            "incident-commander",
            "dev-incident-commander",
            NOW),
        new IncidentMerged("inc-4", "inc-1", "TRIAGED", "Same attack", "ic", NOW),
        new IncidentExtended(
            "inc-1",
            "INCIDENT_ABSORBED",
            "inc-4",
            List.of("asset-files"),
            List.of(
                new AffectedProcess(
                    "proc-hr",
                    "Payroll",
                    Duration.ofDays(2),
                    Duration.ofDays(7),
                    DISRUPTED.plus(Duration.ofDays(2)),
                    DISRUPTED.plus(Duration.ofDays(7)),
                    Duration.ofHours(4))),
            NOW),
        new TargetRevisionProposed(
            "rev-1",
            "proc-payments",
            "inc-1",
            Duration.ofHours(8),
            Duration.ofHours(11),
            Duration.ofHours(12),
            "Recovery took 11h against a target of 8h",
            NOW),
        // issue 13: backup policies as improvement targets
        new nl.herstel.contracts.plans.BackupPolicyRecorded(
            "policy-1", "asset-paydb", "Payments database", NOW),
        // issue 13: improvement actions
        new nl.herstel.contracts.lessons.ImprovementActionRecorded(
            "action-1",
            "Keep an offline copy of the payments database",
            "OPEN",
            null,
            "CFO",
            java.time.LocalDate.parse("2025-04-01"),
            "HIGH",
            new nl.herstel.contracts.lessons.ImprovementTarget(
                "SCENARIO_CARD", "card-ransomware", "plan-1"),
            "inc-1",
            "eval-1",
            NOW),
        new nl.herstel.contracts.lessons.ImprovementActionChanged(
            "action-1",
            "Keep an offline copy of the payments database",
            "WONT_DO",
            "The database moves to a SaaS supplier",
            "CFO",
            java.time.LocalDate.parse("2025-04-01"),
            "HIGH",
            new nl.herstel.contracts.lessons.ImprovementTarget(
                "SCENARIO_CARD", "card-ransomware", "plan-1"),
            "inc-1",
            "eval-1",
            NOW),
        new BiaRevisionProposed(
            "prop-rpo-1",
            RevisionKind.RPO,
            "proc-payments",
            "inc-1",
            Duration.ofHours(1),
            Duration.ofHours(3),
            List.of(new Evidence("inc-1", "DATA_LOSS", Duration.ofHours(3), Duration.ofHours(1))),
            "3h of data were lost against an RPO of 1h",
            NOW),
        new PlanRevisionRequested(
            "req-1",
            "plan-1",
            2,
            "inc-1",
            List.of("proc-payments"),
            "Recovery of Payments breached its RTO",
            NOW),
        new ExerciseRequested(
            "req-2",
            "plan-1",
            "card-ransomware",
            "inc-1",
            List.of("proc-payments"),
            "The ransomware card fell short",
            NOW),
        // --- h-a ---
        new ThreatLikelihoodProposed(
            "prop-threat-1",
            "threat-ransomware",
            "Ransomware",
            "RANSOMWARE",
            "inc-4",
            2,
            4,
            Instant.parse("2024-03-02T10:15:30Z"),
            NOW,
            List.of(
                new ThreatLikelihoodProposed.Occurrence("inc-1", DISRUPTED),
                new ThreatLikelihoodProposed.Occurrence("inc-4", NOW)),
            "4 ransomware incidents in a year against a likelihood of 2",
            NOW));
  }

  static List<IntegrationEvent> minimal() {
    return List.of(
        new ProcessRegistered(
            "proc-hr",
            "Payroll",
            null,
            false,
            false,
            null,
            Duration.ofDays(7),
            Duration.ofDays(2),
            null,
            NOW),
        new AssetRegistered("asset-x", "Badge readers", AssetKind.FACILITY, null, NOW),
        new DependencyAdded("dep-2", "asset-paydb", NodeKind.ASSET, "asset-x", NodeKind.ASSET, NOW),
        new RecoveryTargetsSet(
            "proc-hr",
            Duration.ofDays(7),
            Duration.ofDays(2),
            null,
            TargetSource.MANUAL,
            null,
            null,
            NOW),
        new DependencyRemoved(
            "dep-2", "asset-paydb", NodeKind.ASSET, "asset-x", NodeKind.ASSET, NOW),
        new ProcessRetired("proc-old", null, NOW),
        new AssetRetired("asset-old", null, NOW),
        new AssetIdentifierAdded("asset-x", "id-3", IdentifierKind.ALIAS, "badges", NOW),
        new AssetIdentifierRemoved("asset-x", "id-3", IdentifierKind.ALIAS, "badges", NOW),
        new AssetHintMapped(
            "map-2", "10.1.2.3", "asset-x", IdentifierKind.IP_ADDRESS, "10.1.2.3", "ic", NOW),
        new ProcessChanged("proc-hr", "Payroll", null, false, false, null, NOW),
        new AssetChanged("asset-x", "Badge readers", AssetKind.FACILITY, null, null, null, NOW),
        new RevisionProposed(
            "rev-3",
            "proc-hr",
            null,
            Duration.ofDays(2),
            Duration.ofDays(1),
            null,
            "Stricter",
            "bcm",
            NOW),
        new RevisionDecided("rev-3", null, false, "Not now", "bcm", NOW, null, "threat-flood"),
        new PlanPublished("plan-2", "Empty plan", 1, List.of(), List.of(), List.of(), NOW),
        new ThreatRegistered("threat-flood", "Flooding", null, 1, NOW),
        new ThreatLikelihoodChanged("threat-flood", 2, NOW),
        new ThreatImpactRated("threat-flood", "proc-hr", 1, NOW),
        new PlanRevised("plan-2", "Empty plan", 2, "DRAFT", null, NOW),
        new PlanRetired("plan-2", 3, null, NOW),
        new PlanReviewDue("plan-2", "Empty plan", 2, "threat:threat-flood", "Likelier", null, NOW),
        new nl.herstel.contracts.plans.ExerciseCompleted(
            "ex-2", "plan-2", "TABLETOP", "Talk-through", null, List.of(), NOW),
        new nl.herstel.contracts.plans.RestoreTestRecorded(
            "rt-2", "asset-hr", "bp-2", DISRUPTED, DISRUPTED, Duration.ZERO, null, "FAILED", NOW),
        new nl.herstel.contracts.plans.TrainingRecorded(
            "tr-2",
            "bob",
            "comms",
            null,
            "Crisis communication",
            java.time.LocalDate.of(2025, 3, 1),
            java.time.LocalDate.of(2025, 3, 1),
            NOW),
        new nl.herstel.contracts.plans.ReadinessChanged("proc-hr", "PASS", List.of(), NOW),
        new IncidentOpened("inc-2", "Phishing", Severity.LOW, DISRUPTED, List.of(), List.of(), NOW),
        new IncidentClosed("inc-2", DISRUPTED, List.of(), null, NOW),
        // issue 13: incident story
        new IncidentClassified("inc-2", "OTHER", null, null, "ic", NOW),
        new PlanActivated("inc-2", "plan-2", 1, "Empty plan", null, null, "ic", null, "ic", NOW),
        new IncidentTransitioned("inc-2", "REPORTED", "DISMISSED", null, "ic", NOW),
        new RecoveryDeadlineBreached("inc-2", "proc-hr", "MTPD", DISRUPTED, DISRUPTED, NOW),
        new NotificationObligationRegistered(
            "inc-2", "obl-3", "POLICE", "Aangifte (Sv art. 161)", DISRUPTED, null, NOW),
        new NotificationSubmitted("inc-2", "obl-3", "POLICE", NOW, false, NOW),
        new NotificationOverdue("inc-2", "obl-4", "NCSC", DISRUPTED, NOW, NOW),
        new ProcessRestored(
            "inc-2",
            "proc-hr",
            DISRUPTED,
            DISRUPTED,
            DISRUPTED,
            Duration.ZERO,
            Duration.ZERO,
            null,
            null,
            null,
            null,
            NOW),
        new CostRecorded(
            "inc-2", "cost-2", "OTHER", java.math.BigDecimal.ONE, "USD", "Taxi", DISRUPTED, NOW),
        new RecoveryTaskCreated(
            "inc-2", "task-2", null, "Call the supplier", null, null, null, NOW),
        new RecoveryTaskStatusChanged("inc-2", "task-2", "IN_PROGRESS", "DONE", "bob", NOW),
        new DecisionRecorded(
            "inc-2", "dec-2", List.of(), List.of(), List.of(), List.of(), "Wait", null, null, "ic",
            NOW),
        new IncidentMerged("inc-5", "inc-2", "REPORTED", null, "ic", NOW),
        new IncidentExtended("inc-2", "ALERT_CORRELATED", null, List.of(), List.of(), NOW),
        new TargetRevisionProposed(
            "rev-2",
            "proc-hr",
            "inc-2",
            Duration.ofDays(2),
            Duration.ofHours(30),
            Duration.ofDays(2),
            "Met",
            NOW),
        new nl.herstel.contracts.plans.BackupPolicyRecorded(
            "policy-2", "asset-hr", "HR files", NOW),
        new nl.herstel.contracts.lessons.ImprovementActionRecorded(
            "action-2",
            "Train the deputy",
            "OPEN",
            null,
            "HR lead",
            java.time.LocalDate.parse("2025-05-01"),
            "LOW",
            new nl.herstel.contracts.lessons.ImprovementTarget("PROCESS", "proc-hr", null),
            null,
            null,
            NOW),
        new nl.herstel.contracts.lessons.ImprovementActionChanged(
            "action-2",
            "Train the deputy",
            "DONE",
            null,
            "HR lead",
            java.time.LocalDate.parse("2025-05-01"),
            "LOW",
            new nl.herstel.contracts.lessons.ImprovementTarget("PROCESS", "proc-hr", null),
            null,
            null,
            NOW),
        new BiaRevisionProposed(
            "prop-rto-2",
            RevisionKind.RTO,
            "proc-hr",
            "inc-2",
            Duration.ofDays(2),
            Duration.ofDays(1),
            List.of(new Evidence("inc-2", "RECOVERY_TIME", Duration.ofHours(3), null)),
            "Met with margin",
            NOW),
        new PlanRevisionRequested("req-3", "plan-2", 1, "inc-2", List.of(), "Review", NOW),
        new ExerciseRequested("req-4", "plan-2", "card-1", "inc-2", List.of(), "Exercise", NOW),
        // --- h-a ---
        new ThreatLikelihoodProposed(
            "prop-threat-2",
            "threat-flood",
            "Flooding",
            "FLOODING",
            "inc-2",
            1,
            2,
            NOW.minus(Duration.ofDays(365)),
            NOW,
            List.of(new ThreatLikelihoodProposed.Occurrence("inc-2", DISRUPTED)),
            "One flood in a year",
            NOW));
  }
}
