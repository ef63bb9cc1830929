package nl.herstel.incidents.query;

import static nl.herstel.platform.jdbc.Sql.at;
import static nl.herstel.platform.jdbc.Sql.instant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.herstel.incidents.api.Audience;
import nl.herstel.incidents.api.Channel;
import nl.herstel.incidents.api.IncidentEvents.CommunicationLogged;
import nl.herstel.incidents.api.IncidentQueries.ListCommunications;
import nl.herstel.platform.jdbc.JdbcTransactions;
import nl.herstel.platform.jdbc.Sql;
import nl.herstel.platform.messaging.EventMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;

/** The incidents' communications logs; rows commit with the processor's token. */
@ProcessingGroup("incident-communications")
public class CommunicationLog {
  private final Sql sql;

  public CommunicationLog(JdbcTransactions db) {
    this.sql = new Sql(db);
  }

  @EventHandler
  void on(
      CommunicationLogged e,
      @SequenceNumber long sequence,
      @MetaDataValue(EventMetadata.PRINCIPAL) String principal,
      @MetaDataValue(EventMetadata.ROLE) String role,
      @Timestamp Instant loggedAt) {
    sql.update(
        "INSERT INTO incident_communication (incident_id, sequence, communication_id, audience,"
            + " channel, out_of_band, message, sent_at, principal, role, logged_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        e.incidentId(),
        sequence,
        e.communicationId(),
        e.audience().name(),
        e.channel().name(),
        e.outOfBand(),
        e.message(),
        at(e.sentAt()),
        principal,
        role,
        at(loggedAt));
  }

  @ResetHandler
  void reset() {
    sql.update("DELETE FROM incident_communication");
  }

  @QueryHandler
  public List<CommunicationView> list(ListCommunications query) {
    List<Object> args = new ArrayList<>(List.of(query.incidentId()));
    String after = "";
    if (query.after() != null) {
      after =
          " AND (sent_at, sequence) > (SELECT sent_at, sequence FROM incident_communication"
              + " WHERE incident_id = ? AND communication_id = ?)";
      args.add(query.incidentId());
      args.add(query.after());
    }
    args.add(query.limit() + 1);
    return sql.list(
        "SELECT * FROM incident_communication WHERE incident_id = ?"
            + after
            + " ORDER BY sent_at, sequence LIMIT ?",
        r ->
            new CommunicationView(
                r.getString("communication_id"),
                Audience.valueOf(r.getString("audience")),
                Channel.valueOf(r.getString("channel")),
                r.getBoolean("out_of_band"),
                r.getString("message"),
                instant(r, "sent_at"),
                r.getString("principal"),
                r.getString("role"),
                instant(r, "logged_at")),
        args.toArray());
  }
}
