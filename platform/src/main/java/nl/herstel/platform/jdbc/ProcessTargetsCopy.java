package nl.herstel.platform.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.herstel.contracts.bia.ProcessRegistered;
import nl.herstel.contracts.bia.RecoveryTargetsSet;

/**
 * A consumer's copy of the recovery targets bia-service sets for each process (MTPD, RTO, RPO; see
 * DOMAIN.md), upserted from the contract events {@link ProcessRegistered} and {@link
 * RecoveryTargetsSet} in the consumer's transaction. Whichever event set the targets last (by
 * {@code occurredAt}) wins, whatever order they arrive in; a process's facts (its name and, where
 * the copy keeps them, whether it is critical or a crown jewel) come from its registration.
 *
 * <p>The table is the consumer's own: a primary key {@code process_id}, the columns {@code
 * mtpd_seconds}, {@code rto_seconds}, {@code rpo_seconds}, the moment column named here, and one
 * column per {@link Fact} kept. Table and column names come from code, never from input.
 */
public final class ProcessTargetsCopy {
  /** A fact of the registration that a copy may keep, with its column. */
  public enum Fact {
    NAME("name"),
    CRITICAL("critical"),
    CROWN_JEWEL("crown_jewel");

    private final String column;

    Fact(String column) {
      this.column = column;
    }

    Object of(ProcessRegistered e) {
      return switch (this) {
        case NAME -> e.name();
        case CRITICAL -> e.critical();
        case CROWN_JEWEL -> e.crownJewel();
      };
    }
  }

  private final Sql sql;
  private final String table;
  private final String at;
  private final List<Fact> facts;

  /**
   * @param table the copy's table
   * @param at the column of the moment the targets were set
   * @param facts the registration facts the table keeps
   */
  public ProcessTargetsCopy(Sql sql, String table, String at, Set<Fact> facts) {
    this.sql = sql;
    this.table = table;
    this.at = at;
    this.facts = List.copyOf(facts.stream().sorted().toList());
  }

  /** A process was registered with its first targets: its facts, and targets not older. */
  public void registered(ProcessRegistered e) {
    StringBuilder columns = new StringBuilder("process_id");
    StringBuilder updates = new StringBuilder();
    List<Object> args = new ArrayList<>();
    args.add(e.processId());
    for (Fact fact : facts) {
      columns.append(", ").append(fact.column);
      updates.append(fact.column).append(" = EXCLUDED.").append(fact.column).append(", ");
      args.add(fact.of(e));
    }
    args.addAll(List.of(e.mtpd(), e.rto()));
    args.add(Sql.seconds(e.rpo()));
    args.add(e.occurredAt());
    String newer = table + "." + at + " > EXCLUDED." + at;
    sql.update(
        "INSERT INTO "
            + table
            + " ("
            + columns
            + ", mtpd_seconds, rto_seconds, rpo_seconds, "
            + at
            + ") VALUES ("
            + "?, ".repeat(args.size() - 1)
            + "?) ON CONFLICT (process_id) DO UPDATE SET "
            + updates
            + keepNewer("mtpd_seconds", newer)
            + ", "
            + keepNewer("rto_seconds", newer)
            + ", "
            + keepNewer("rpo_seconds", newer)
            + ", "
            + at
            + " = GREATEST("
            + table
            + "."
            + at
            + ", EXCLUDED."
            + at
            + ")",
        args.toArray());
  }

  /** A process's targets were set again, by hand or by an accepted revision; its facts stay. */
  public void targetsSet(RecoveryTargetsSet e) {
    sql.update(
        "INSERT INTO "
            + table
            + " (process_id, mtpd_seconds, rto_seconds, rpo_seconds, "
            + at
            + ") VALUES (?, ?, ?, ?, ?) ON CONFLICT (process_id) DO UPDATE SET"
            + " mtpd_seconds = EXCLUDED.mtpd_seconds, rto_seconds = EXCLUDED.rto_seconds,"
            + " rpo_seconds = EXCLUDED.rpo_seconds, "
            + at
            + " = EXCLUDED."
            + at
            + " WHERE "
            + table
            + "."
            + at
            + " <= EXCLUDED."
            + at,
        e.processId(),
        e.mtpd(),
        e.rto(),
        Sql.seconds(e.rpo()),
        e.occurredAt());
  }

  private String keepNewer(String column, String newer) {
    return column
        + " = CASE WHEN "
        + newer
        + " THEN "
        + table
        + "."
        + column
        + " ELSE EXCLUDED."
        + column
        + " END";
  }
}
