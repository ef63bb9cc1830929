package nl.herstel.lessons.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import nl.herstel.contracts.bia.AssetRegistered;
import nl.herstel.contracts.bia.AssetRetired;
import nl.herstel.contracts.bia.ProcessRegistered;
import nl.herstel.contracts.bia.RecoveryTargetsSet;
import nl.herstel.contracts.bia.RevisionDecided;
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
import nl.herstel.contracts.plans.BackupPolicyRecorded;
import nl.herstel.contracts.plans.PlanPublished;
import nl.herstel.contracts.plans.PlanRetired;
import nl.herstel.contracts.plans.TrainingRecorded;
import nl.herstel.lessons.command.Evaluation;
import nl.herstel.lessons.command.EvaluationPolicy;
import nl.herstel.lessons.command.ImprovementAction;
import nl.herstel.lessons.command.IncidentReview;
import nl.herstel.lessons.command.ProcessRecoveryRecord;
import nl.herstel.lessons.command.ThreatLikelihoodRecord;
import nl.herstel.lessons.integration.ImprovementContractMapper;
import nl.herstel.lessons.integration.IncidentClosedIntake;
import nl.herstel.lessons.integration.IncidentStoryIntake;
import nl.herstel.lessons.integration.KnownTargets;
import nl.herstel.lessons.integration.LessonsContractMapper;
import nl.herstel.lessons.integration.OpenedIncidents;
import nl.herstel.lessons.integration.ProcessTargets;
import nl.herstel.lessons.integration.RevisionFates;
import nl.herstel.lessons.integration.ThreatLikelihoods;
import nl.herstel.lessons.query.EvaluationProjection;
import nl.herstel.lessons.query.ImprovementProjection;
import nl.herstel.lessons.query.IncidentStories;
import nl.herstel.lessons.query.LessonsProjection;
import nl.herstel.lessons.query.ManagementReports;
import nl.herstel.lessons.query.RecoveryStatistics;
import nl.herstel.lessons.query.RevisionProposalProjection;
import nl.herstel.platform.axon.ModuleDefinition;
import nl.herstel.platform.axon.ServiceModule;
import nl.herstel.platform.jdbc.Database;
import nl.herstel.platform.jdbc.Sql;

/** Everything lessons-service registers with the platform, explicitly. */
@ApplicationScoped
public class LessonsModule implements ServiceModule {
  @Inject Database database;
  @Inject LessonsConfig config;

  @Override
  public void configure(ModuleDefinition module) {
    Sql sql = new Sql(database.transactions());
    RevisionProposalProjection proposals = new RevisionProposalProjection(sql);
    LessonsProjection projection = new LessonsProjection(sql, proposals);
    ProcessTargets targets = new ProcessTargets(sql);
    OpenedIncidents incidents = new OpenedIncidents(sql);
    IncidentStoryIntake story = new IncidentStoryIntake(sql, incidents);
    IncidentClosedIntake closedIntake =
        new IncidentClosedIntake(
            module.commands(),
            targets,
            incidents,
            config.rtoMarginWindow(),
            config.rtoMarginShare(),
            new ThreatLikelihoods(sql, config.threatCategories(), config.likelihoodScale()));
    IncidentStories stories = new IncidentStories(sql);
    RecoveryStatistics statistics = new RecoveryStatistics(sql);
    module
        .aggregate(IncidentReview.class)
        .aggregate(ProcessRecoveryRecord.class)
        .aggregate(ThreatLikelihoodRecord.class)
        .projection(projection)
        .queryHandler(projection)
        .queryHandler(stories)
        .queryHandler(statistics)
        .queryHandler(new ManagementReports(sql, statistics, proposals, Clock.systemUTC()))
        .projection(proposals)
        .queryHandler(proposals)
        .publish(new LessonsContractMapper())
        .subscribe(ProcessRegistered.class, targets::registered)
        .subscribe(RecoveryTargetsSet.class, targets::targetsSet)
        .subscribe(IncidentOpened.class, incidents::opened)
        .subscribe(RevisionDecided.class, new RevisionFates(sql))
        .subscribe(
            IncidentClosed.class,
            (event, envelope) -> {
              story.closed(event, envelope);
              closedIntake.handle(event, envelope);
            })
        // issue 13: incident story
        .subscribe(IncidentClassified.class, story::classified)
        .subscribe(PlanActivated.class, story::planActivated)
        .subscribe(IncidentTransitioned.class, story::transitioned)
        .subscribe(RecoveryDeadlineBreached.class, story::deadlineBreached)
        .subscribe(NotificationObligationRegistered.class, story::obligationRegistered)
        .subscribe(NotificationSubmitted.class, story::notificationSubmitted)
        .subscribe(NotificationOverdue.class, story::notificationOverdue)
        .subscribe(ProcessRestored.class, story::processRestored)
        .subscribe(CostRecorded.class, story::costRecorded)
        .subscribe(RecoveryTaskCreated.class, story::taskCreated)
        .subscribe(RecoveryTaskStatusChanged.class, story::taskStatusChanged)
        .subscribe(DecisionRecorded.class, story::decisionRecorded)
        .subscribe(IncidentMerged.class, story::merged)
        .subscribe(IncidentExtended.class, story::extended);
    // issue 13: evaluations and improvement actions
    EvaluationProjection evaluations = new EvaluationProjection(sql);
    ImprovementProjection actions = new ImprovementProjection(sql);
    KnownTargets known = new KnownTargets(sql);
    module
        .aggregate(Evaluation.class)
        .aggregate(EvaluationPolicy.class)
        .aggregate(ImprovementAction.class)
        .projection(evaluations)
        .queryHandler(evaluations)
        .projection(actions)
        .queryHandler(actions)
        .publish(new ImprovementContractMapper())
        .subscribe(AssetRegistered.class, known::assetRegistered)
        .subscribe(AssetRetired.class, known::assetRetired)
        .subscribe(ThreatRegistered.class, known::threatRegistered)
        .subscribe(ThreatLikelihoodChanged.class, known::threatLikelihoodChanged)
        .subscribe(PlanPublished.class, known::planPublished)
        .subscribe(PlanRetired.class, known::planRetired)
        .subscribe(TrainingRecorded.class, known::trainingRecorded)
        .subscribe(BackupPolicyRecorded.class, known::backupPolicyRecorded);
  }
}
