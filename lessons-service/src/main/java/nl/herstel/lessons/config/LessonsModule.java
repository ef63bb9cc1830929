package nl.herstel.lessons.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.herstel.contracts.bia.ProcessRegistered;
import nl.herstel.contracts.bia.RecoveryTargetsSet;
import nl.herstel.contracts.bia.RevisionDecided;
import nl.herstel.contracts.incidents.IncidentClosed;
import nl.herstel.contracts.incidents.IncidentOpened;
import nl.herstel.lessons.command.IncidentReview;
import nl.herstel.lessons.command.ProcessRecoveryRecord;
import nl.herstel.lessons.integration.IncidentClosedIntake;
import nl.herstel.lessons.integration.LessonsContractMapper;
import nl.herstel.lessons.integration.OpenedIncidents;
import nl.herstel.lessons.integration.ProcessTargets;
import nl.herstel.lessons.integration.RevisionFates;
import nl.herstel.lessons.query.LessonsProjection;
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
    module
        .aggregate(IncidentReview.class)
        .aggregate(ProcessRecoveryRecord.class)
        .projection(projection)
        .queryHandler(projection)
        .projection(proposals)
        .queryHandler(proposals)
        .publish(new LessonsContractMapper())
        .subscribe(ProcessRegistered.class, targets::registered)
        .subscribe(RecoveryTargetsSet.class, targets::targetsSet)
        .subscribe(IncidentOpened.class, incidents::opened)
        .subscribe(RevisionDecided.class, new RevisionFates(sql))
        .subscribe(
            IncidentClosed.class,
            new IncidentClosedIntake(
                module.commands(),
                targets,
                incidents,
                config.rtoMarginWindow(),
                config.rtoMarginShare()));
  }
}
