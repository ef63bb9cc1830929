package nl.herstel.incidents.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.herstel.contracts.bia.AssetChanged;
import nl.herstel.contracts.bia.AssetIdentifierAdded;
import nl.herstel.contracts.bia.AssetIdentifierRemoved;
import nl.herstel.contracts.bia.AssetRegistered;
import nl.herstel.contracts.bia.AssetRetired;
import nl.herstel.contracts.bia.DependencyAdded;
import nl.herstel.contracts.bia.ProcessRegistered;
import nl.herstel.contracts.bia.RecoveryTargetsSet;
import nl.herstel.contracts.lessons.ImprovementActionChanged;
import nl.herstel.contracts.lessons.ImprovementActionRecorded;
import nl.herstel.contracts.plans.PlanPublished;
import nl.herstel.incidents.command.AssetHintMapping;
import nl.herstel.incidents.command.EvidenceItem;
import nl.herstel.incidents.command.EvidenceRouting;
import nl.herstel.incidents.command.Incident;
import nl.herstel.incidents.command.MergeAndSplit;
import nl.herstel.incidents.command.NotificationObligation;
import nl.herstel.incidents.command.NotificationRouting;
import nl.herstel.incidents.command.RecordStreams;
import nl.herstel.incidents.integration.BiaCopy;
import nl.herstel.incidents.integration.HintResolver;
import nl.herstel.incidents.integration.ImprovementActionCopy;
import nl.herstel.incidents.integration.IncidentContractMapper;
import nl.herstel.incidents.integration.PlanCopy;
import nl.herstel.incidents.query.AlertCorrelation;
import nl.herstel.incidents.query.BiaCopyGraph;
import nl.herstel.incidents.query.CommunicationLog;
import nl.herstel.incidents.query.DeadlineProjection;
import nl.herstel.incidents.query.EvidenceCustody;
import nl.herstel.incidents.query.IncidentFeed;
import nl.herstel.incidents.query.IncidentHistory;
import nl.herstel.incidents.query.IncidentImprovementActions;
import nl.herstel.incidents.query.IncidentProjection;
import nl.herstel.incidents.query.PlanCatalog;
import nl.herstel.incidents.query.RecoveryProjection;
import nl.herstel.incidents.query.RecoveryRecords;
import nl.herstel.incidents.query.UnresolvedAssets;
import nl.herstel.incidents.rest.IncidentBroadcaster;
import nl.herstel.platform.axon.AxonRuntime;
import nl.herstel.platform.axon.ModuleDefinition;
import nl.herstel.platform.axon.ServiceModule;
import nl.herstel.platform.jdbc.Database;
import nl.herstel.platform.jdbc.JdbcTransactions;

/** Everything incident-service registers with the platform, explicitly. */
@ApplicationScoped
public class IncidentModule implements ServiceModule {
  @Inject Database database;
  @Inject IncidentBroadcaster broadcaster;
  @Inject AxonRuntime axon;

  @Override
  public void configure(ModuleDefinition module) {
    JdbcTransactions transactions = database.transactions();
    IncidentProjection projection = new IncidentProjection(transactions);
    AlertCorrelation correlation = new AlertCorrelation(transactions);
    BiaCopyGraph graph = new BiaCopyGraph(transactions);
    HintResolver hints = new HintResolver(transactions, graph, module.commands());
    BiaCopy bia = new BiaCopy(transactions, hints);
    UnresolvedAssets unresolved = new UnresolvedAssets(transactions, hints::hintQueued);
    CommunicationLog communications = new CommunicationLog(transactions);
    EvidenceCustody evidence = new EvidenceCustody(transactions);
    RecoveryRecords recoveryRecords = new RecoveryRecords(transactions);
    DeadlineProjection deadlines = new DeadlineProjection(transactions);
    RecordStreams streams = new RecordStreams(transactions);
    IncidentLayouts.all().forEach(module::upcaster);
    module
        .aggregate(Incident.class)
        .aggregate(AssetHintMapping.class)
        .projection(projection)
        .queryHandler(projection)
        .projection(correlation)
        .queryHandler(correlation)
        .queryHandler(graph)
        .projection(unresolved)
        .queryHandler(unresolved)
        .queryHandler(
            new IncidentHistory(
                transactions,
                () -> axon.configuration().eventStore(),
                () -> axon.configuration().eventSerializer()))
        // ---- records: communications, evidence custody, restorations and costs, live view ----
        .projection(communications)
        .queryHandler(communications)
        .aggregate(EvidenceItem.class)
        .commandHandler(new EvidenceRouting(module.commands(), streams))
        .projection(evidence)
        .queryHandler(evidence)
        .projection(recoveryRecords)
        .queryHandler(recoveryRecords)
        .projection(new IncidentFeed(broadcaster::changed))
        // ----
        .publish(new IncidentContractMapper())
        .subscribe(ProcessRegistered.class, bia::processRegistered)
        .subscribe(RecoveryTargetsSet.class, bia::recoveryTargetsSet)
        .subscribe(AssetRegistered.class, bia::assetRegistered)
        .subscribe(AssetChanged.class, bia::assetChanged)
        .subscribe(AssetRetired.class, bia::assetRetired)
        .subscribe(AssetIdentifierAdded.class, bia::identifierAdded)
        .subscribe(AssetIdentifierRemoved.class, bia::identifierRemoved)
        .subscribe(DependencyAdded.class, bia::dependencyAdded)
        .aggregate(NotificationObligation.class)
        .commandHandler(new NotificationRouting(module.commands(), streams))
        .projection(deadlines)
        .queryHandler(deadlines);
    // ---- plan activation, recovery tasks, merge and split ----
    RecoveryProjection recovery = new RecoveryProjection(transactions);
    PlanCopy plans = new PlanCopy(transactions);
    module
        .projection(recovery)
        .queryHandler(recovery)
        .queryHandler(new PlanCatalog(transactions))
        .commandHandler(new MergeAndSplit(module.commands()))
        .subscribe(PlanPublished.class, plans::planPublished);
    // ---- issue 13: improvement actions recorded for incidents ----
    ImprovementActionCopy improvements = new ImprovementActionCopy(transactions);
    module
        .queryHandler(new IncidentImprovementActions(transactions))
        .subscribe(ImprovementActionRecorded.class, improvements::recorded)
        .subscribe(ImprovementActionChanged.class, improvements::changed);
  }
}
