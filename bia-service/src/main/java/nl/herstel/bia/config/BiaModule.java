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
import nl.herstel.bia.query.BiaGraph;
import nl.herstel.bia.query.BiaProjection;
import nl.herstel.bia.query.EventStoreHistory;
import nl.herstel.bia.query.NodeDirectory;
import nl.herstel.contracts.incidents.AssetHintMapped;
import nl.herstel.contracts.lessons.TargetRevisionProposed;
import nl.herstel.platform.axon.ModuleDefinition;
import nl.herstel.platform.axon.ServiceModule;
import nl.herstel.platform.jdbc.Database;

/** Everything bia-service registers with the platform, explicitly. */
@ApplicationScoped
public class BiaModule implements ServiceModule {
  @Inject Database database;

  @Override
  public void configure(ModuleDefinition module) {
    BiaProjection projection = new BiaProjection(database.transactions());
    module
        .aggregate(BusinessProcess.class)
        .aggregate(Asset.class)
        .aggregate(TargetRevision.class)
        .aggregate(Threat.class)
        .resource(AssetIdentityClaims.class, new JdbcAssetIdentityClaims(database.transactions()))
        .projection(projection)
        .queryHandler(projection)
        .queryHandler(new NodeDirectory(database.transactions()))
        .queryHandler(new BiaGraph(database.transactions()))
        .queryHandler(new EventStoreHistory(database.transactions()))
        .publish(new BiaContractMapper())
        .subscribe(TargetRevisionProposed.class, new RevisionProposalIntake(module.commands()))
        .subscribe(
            AssetHintMapped.class, new AssetHintMappingIntake(module.commands(), module.queries()));
  }
}
