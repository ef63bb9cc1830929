package nl.herstel.bia.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.herstel.bia.command.Asset;
import nl.herstel.bia.command.AssetIdentityClaims;
import nl.herstel.bia.command.BusinessProcess;
import nl.herstel.bia.command.JdbcAssetIdentityClaims;
import nl.herstel.bia.command.TargetRevision;
import nl.herstel.bia.command.Threat;
import nl.herstel.bia.integration.AssetHintMappingIntake;
import nl.herstel.bia.integration.BiaContractMapper;
import nl.herstel.bia.integration.RevisionProposalIntake;
import nl.herstel.bia.query.AssetProjection;
import nl.herstel.bia.query.DependencyCycles;
import nl.herstel.bia.query.DependencyProjection;
import nl.herstel.bia.query.EventStoreHistory;
import nl.herstel.bia.query.FailureImpact;
import nl.herstel.bia.query.GraphSnapshots;
import nl.herstel.bia.query.ImpactProjection;
import nl.herstel.bia.query.NodeDirectory;
import nl.herstel.bia.query.PriorityRanking;
import nl.herstel.bia.query.ProcessProjection;
import nl.herstel.bia.query.RevisionProjection;
import nl.herstel.bia.query.ThreatProjection;
import nl.herstel.contracts.incidents.AssetHintMapped;
import nl.herstel.contracts.lessons.BiaRevisionProposed;
import nl.herstel.contracts.lessons.ThreatLikelihoodProposed;
import nl.herstel.platform.axon.ModuleDefinition;
import nl.herstel.platform.axon.ServiceModule;
import nl.herstel.platform.jdbc.Database;
import nl.herstel.platform.jdbc.Sql;

/** Everything bia-service registers with the platform, explicitly. */
@ApplicationScoped
public class BiaModule implements ServiceModule {
  @Inject Database database;

  @Override
  public void configure(ModuleDefinition module) {
    Sql sql = new Sql(database.transactions());
    GraphSnapshots graph = new GraphSnapshots(sql);
    RevisionProposalIntake proposals = new RevisionProposalIntake(module.commands());
    for (Object projection :
        new Object[] {
          new ProcessProjection(sql),
          new ImpactProjection(sql),
          new AssetProjection(sql),
          new DependencyProjection(sql),
          new ThreatProjection(sql),
          new RevisionProjection(sql)
        }) {
      module.projection(projection).queryHandler(projection);
    }
    BiaLayouts.all().forEach(module::upcaster);
    module
        .aggregate(BusinessProcess.class)
        .aggregate(Asset.class)
        .aggregate(TargetRevision.class)
        .aggregate(Threat.class)
        .resource(AssetIdentityClaims.class, new JdbcAssetIdentityClaims(sql))
        .queryHandler(new NodeDirectory(sql))
        .queryHandler(new FailureImpact(graph))
        .queryHandler(new PriorityRanking(graph))
        .queryHandler(new DependencyCycles(graph))
        .queryHandler(new EventStoreHistory(module.eventStore()))
        .publish(new BiaContractMapper())
        .subscribe(
            nl.herstel.contracts.lessons.TargetRevisionProposed.class, proposals.rtoBreaches())
        .subscribe(BiaRevisionProposed.class, proposals.otherTargets())
        .subscribe(ThreatLikelihoodProposed.class, proposals.threatLikelihoods())
        .subscribe(
            AssetHintMapped.class, new AssetHintMappingIntake(module.commands(), module.queries()));
  }
}
