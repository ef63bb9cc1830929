package nl.herstel.lessons.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import nl.herstel.contracts.bia.ProcessRegistered;
import nl.herstel.contracts.bia.RecoveryTargetsSet;
import nl.herstel.contracts.incidents.IncidentClosed;
import nl.herstel.contracts.incidents.IncidentOpened;
import nl.herstel.lessons.command.IncidentReview;
import nl.herstel.lessons.integration.IncidentClosedIntake;
import nl.herstel.lessons.integration.LessonsContractMapper;
import nl.herstel.lessons.integration.OpenedIncidents;
import nl.herstel.lessons.integration.ProcessTargets;
import nl.herstel.lessons.query.LessonsProjection;
import nl.herstel.lessons.query.ManagementReports;
import nl.herstel.platform.axon.ModuleDefinition;
import nl.herstel.platform.axon.ServiceModule;
import nl.herstel.platform.jdbc.Database;
import nl.herstel.platform.jdbc.Sql;

/** Everything lessons-service registers with the platform, explicitly. */
@ApplicationScoped
public class LessonsModule implements ServiceModule {
  @Inject Database database;

  @Override
  public void configure(ModuleDefinition module) {
    Sql sql = new Sql(database.transactions());
    LessonsProjection projection = new LessonsProjection(sql);
    ProcessTargets targets = new ProcessTargets(sql);
    OpenedIncidents incidents = new OpenedIncidents(sql);
    module
        .aggregate(IncidentReview.class)
        .projection(projection)
        .queryHandler(projection)
        .queryHandler(new ManagementReports(sql, Clock.systemUTC()))
        .publish(new LessonsContractMapper())
        .subscribe(ProcessRegistered.class, targets::registered)
        .subscribe(RecoveryTargetsSet.class, targets::targetsSet)
        .subscribe(IncidentOpened.class, incidents::opened)
        .subscribe(
            IncidentClosed.class, new IncidentClosedIntake(module.commands(), targets, incidents));
  }
}
