package nl.herstel.plans.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.herstel.contracts.bia.ProcessRegistered;
import nl.herstel.contracts.bia.RecoveryTargetsSet;
import nl.herstel.plans.command.RecoveryPlan;
import nl.herstel.plans.integration.BiaProcessIntake;
import nl.herstel.plans.integration.PlanContractMapper;
import nl.herstel.plans.query.CoverageQueries;
import nl.herstel.plans.query.PlanProjection;
import nl.herstel.platform.axon.ModuleDefinition;
import nl.herstel.platform.axon.ServiceModule;
import nl.herstel.platform.jdbc.Database;
import nl.herstel.platform.jdbc.JdbcTransactions;

/** Everything plan-service registers with the platform, explicitly. */
@ApplicationScoped
public class PlanModule implements ServiceModule {
  @Inject Database database;

  @Override
  public void configure(ModuleDefinition module) {
    JdbcTransactions transactions = database.transactions();
    PlanProjection plans = new PlanProjection(transactions);
    BiaProcessIntake bia = new BiaProcessIntake(transactions);
    module
        .aggregate(RecoveryPlan.class)
        .projection(plans)
        .queryHandler(plans)
        .queryHandler(new CoverageQueries(transactions))
        .publish(new PlanContractMapper())
        .subscribe(ProcessRegistered.class, bia::processRegistered)
        .subscribe(RecoveryTargetsSet.class, bia::recoveryTargetsSet);
  }
}
