package nl.herstel.plans.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import nl.herstel.plans.api.PreparednessCommands.BackupSettings;
import nl.herstel.plans.api.PreparednessCommands.RegisterBackupPolicy;
import nl.herstel.plans.api.PreparednessCommands.ReviseBackupPolicy;
import nl.herstel.plans.api.PreparednessEvents.BackupPolicyRegistered;
import nl.herstel.plans.api.PreparednessEvents.BackupPolicyRevised;
import nl.herstel.platform.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A backup policy of one BIA asset (DOMAIN.md, "Backup strategy"): media, location, type,
 * frequency, retention, whether a copy is immutable or offline, and what it covers. Readiness holds
 * it against the RPO of the processes relying on the asset, the 3-2-1 rule and the ransomware
 * threat. Its own aggregate: policies change independently of plans.
 */
public class BackupPolicy {
  /** How often a policy's restores must be tested when it names no interval. */
  public static final Duration DEFAULT_RESTORE_TEST_INTERVAL = Duration.ofDays(90);

  @AggregateIdentifier private String policyId;
  private String assetId;

  protected BackupPolicy() {}

  @CommandHandler
  public BackupPolicy(RegisterBackupPolicy command) {
    apply(new BackupPolicyRegistered(command.policyId(), check(command.settings())));
  }

  @CommandHandler
  void handle(ReviseBackupPolicy command) {
    BackupSettings s = check(command.settings());
    apply(
        new BackupPolicyRevised(
            policyId,
            new BackupSettings(
                assetId,
                s.name(),
                s.media(),
                s.location(),
                s.type(),
                s.frequency(),
                s.retention(),
                s.immutable(),
                s.offlineCopy(),
                s.covers(),
                s.restoreTestInterval())));
  }

  @EventSourcingHandler
  void on(BackupPolicyRegistered event) {
    policyId = event.policyId();
    assetId = event.settings().assetId();
  }

  static BackupSettings check(BackupSettings s) {
    positive("frequency", s.frequency());
    positive("retention", s.retention());
    if (s.retention().compareTo(s.frequency()) < 0) {
      throw new RuleViolation(
          "retention", "Retention shorter than the frequency keeps no backup between two runs");
    }
    if (s.covers().isEmpty()) {
      throw new RuleViolation("covers", "A policy covers data, system or network configuration");
    }
    Duration interval =
        s.restoreTestInterval() == null ? DEFAULT_RESTORE_TEST_INTERVAL : s.restoreTestInterval();
    positive("restoreTestInterval", interval);
    return new BackupSettings(
        s.assetId(),
        s.name().strip(),
        s.media(),
        s.location(),
        s.type(),
        s.frequency(),
        s.retention(),
        s.immutable(),
        s.offlineCopy(),
        s.covers(),
        interval);
  }

  private static void positive(String field, Duration d) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw new RuleViolation(field, "A positive ISO-8601 duration, e.g. PT4H or P1D");
    }
  }
}
