package nl.herstel.plans.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.herstel.contracts.bia.AssetChanged;
import nl.herstel.contracts.bia.AssetRegistered;
import nl.herstel.contracts.bia.AssetRetired;
import nl.herstel.contracts.bia.DependencyAdded;
import nl.herstel.contracts.bia.DependencyRemoved;
import nl.herstel.contracts.bia.ProcessChanged;
import nl.herstel.contracts.bia.ProcessRegistered;
import nl.herstel.contracts.bia.ProcessRetired;
import nl.herstel.contracts.bia.RecoveryTargetsSet;
import nl.herstel.contracts.bia.ThreatImpactRated;
import nl.herstel.contracts.bia.ThreatLikelihoodChanged;
import nl.herstel.contracts.bia.ThreatRegistered;
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
import nl.herstel.contracts.lessons.ExerciseRequested;
import nl.herstel.contracts.lessons.ImprovementActionChanged;
import nl.herstel.contracts.lessons.ImprovementActionRecorded;
import nl.herstel.contracts.lessons.PlanRevisionRequested;
import nl.herstel.plans.api.IncidentTimelines;
import nl.herstel.plans.command.BackupPolicy;
import nl.herstel.plans.command.Exercise;
import nl.herstel.plans.command.NetworkDocument;
import nl.herstel.plans.command.ReadinessRecord;
import nl.herstel.plans.command.RecoveryPlan;
import nl.herstel.plans.command.RestoreTest;
import nl.herstel.plans.command.TrainingRecord;
import nl.herstel.plans.integration.BiaIntake;
import nl.herstel.plans.integration.ImprovementActionIntake;
import nl.herstel.plans.integration.IncidentIntake;
import nl.herstel.plans.integration.LessonsIntake;
import nl.herstel.plans.integration.PlanContractMapper;
import nl.herstel.plans.integration.PreparednessContractMapper;
import nl.herstel.plans.query.BundleQueries;
import nl.herstel.plans.query.CoverageQueries;
import nl.herstel.plans.query.ExerciseRequests;
import nl.herstel.plans.query.IncidentTimelineQueries;
import nl.herstel.plans.query.InventoryQueries;
import nl.herstel.plans.query.NetworkDocumentProjection;
import nl.herstel.plans.query.PlanImprovementActions;
import nl.herstel.plans.query.PlanProjection;
import nl.herstel.plans.query.PlanReadModel;
import nl.herstel.plans.query.PreparednessProjection;
import nl.herstel.plans.query.ReadinessQueries;
import nl.herstel.platform.axon.ModuleDefinition;
import nl.herstel.platform.axon.ServiceModule;
import nl.herstel.platform.jdbc.Database;
import nl.herstel.platform.jdbc.JdbcTransactions;
import nl.herstel.platform.jdbc.Sql;

/** Everything plan-service registers with the platform, explicitly. */
@ApplicationScoped
public class PlanModule implements ServiceModule {
  @Inject Database database;

  @Override
  public void configure(ModuleDefinition module) {
    JdbcTransactions transactions = database.transactions();
    Sql sql = new Sql(transactions);
    NetworkDocumentProjection networkDocuments = new NetworkDocumentProjection(sql);
    BiaIntake bia = new BiaIntake(sql, module.commands());
    PlanReadModel readModel = new PlanReadModel(sql);
    InventoryQueries inventory = new InventoryQueries(sql);
    module
        .aggregate(RecoveryPlan.class)
        .aggregate(NetworkDocument.class)
        .projection(new PlanProjection(sql))
        .projection(networkDocuments)
        .queryHandler(readModel)
        .queryHandler(new BundleQueries(sql, readModel, inventory, new ReadinessQueries(sql)))
        .queryHandler(networkDocuments)
        .queryHandler(inventory)
        .queryHandler(new CoverageQueries(sql))
        .publish(new PlanContractMapper())
        .subscribe(ProcessRegistered.class, bia::processRegistered)
        .subscribe(RecoveryTargetsSet.class, bia::recoveryTargetsSet)
        .subscribe(ProcessChanged.class, bia::processChanged)
        .subscribe(ProcessRetired.class, bia::processRetired)
        .subscribe(AssetRegistered.class, bia::assetRegistered)
        .subscribe(AssetChanged.class, bia::assetChanged)
        .subscribe(AssetRetired.class, bia::assetRetired)
        .subscribe(DependencyAdded.class, bia::dependencyAdded)
        .subscribe(DependencyRemoved.class, bia::dependencyRemoved)
        .subscribe(ThreatRegistered.class, bia::threatRegistered)
        .subscribe(ThreatLikelihoodChanged.class, bia::threatLikelihoodChanged)
        .subscribe(ThreatImpactRated.class, bia::threatImpactRated);
    PreparednessProjection preparedness = new PreparednessProjection(sql);
    module
        .aggregate(BackupPolicy.class)
        .aggregate(RestoreTest.class)
        .aggregate(TrainingRecord.class)
        .aggregate(Exercise.class)
        .aggregate(ReadinessRecord.class)
        .projection(preparedness)
        .queryHandler(preparedness)
        .queryHandler(new ReadinessQueries(sql))
        .publish(new PreparednessContractMapper());
    IncidentIntake incidents = new IncidentIntake(sql);
    IncidentTimelineQueries timelines = new IncidentTimelineQueries(sql);
    module
        .resource(IncidentTimelines.class, timelines)
        .queryHandler(timelines)
        .subscribe(IncidentOpened.class, incidents::opened)
        .subscribe(IncidentClassified.class, incidents::classified)
        .subscribe(PlanActivated.class, incidents::planActivated)
        .subscribe(IncidentTransitioned.class, incidents::transitioned)
        .subscribe(RecoveryDeadlineBreached.class, incidents::deadlineBreached)
        .subscribe(NotificationObligationRegistered.class, incidents::notificationRegistered)
        .subscribe(NotificationSubmitted.class, incidents::notificationSubmitted)
        .subscribe(NotificationOverdue.class, incidents::notificationOverdue)
        .subscribe(ProcessRestored.class, incidents::processRestored)
        .subscribe(CostRecorded.class, incidents::costRecorded)
        .subscribe(RecoveryTaskCreated.class, incidents::taskCreated)
        .subscribe(RecoveryTaskStatusChanged.class, incidents::taskStatusChanged)
        .subscribe(DecisionRecorded.class, incidents::decisionRecorded)
        .subscribe(IncidentMerged.class, incidents::merged)
        .subscribe(IncidentExtended.class, incidents::extended)
        .subscribe(IncidentClosed.class, incidents::incidentClosed);
    // issue 13: improvement actions on plans
    ImprovementActionIntake improvements = new ImprovementActionIntake(sql);
    module
        .queryHandler(new PlanImprovementActions(sql))
        .subscribe(ImprovementActionRecorded.class, improvements::recorded)
        .subscribe(ImprovementActionChanged.class, improvements::changed);
    LessonsIntake lessons = new LessonsIntake(sql, module.commands());
    module
        .queryHandler(new ExerciseRequests(sql))
        .subscribe(PlanRevisionRequested.class, lessons::planRevisionRequested)
        .subscribe(ExerciseRequested.class, lessons::exerciseRequested);
  }
}
