package nl.herstel.bia.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.herstel.bia.api.BiaEvents.ImpactsAssessed;
import nl.herstel.bia.api.BiaQueries.FindImpacts;
import nl.herstel.bia.api.ImpactCategory;
import nl.herstel.bia.api.ImpactRating;
import nl.herstel.platform.jdbc.Sql;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;

/**
 * The impact assessments of the processes ({@code bia_impact}): per category and horizon how bad an
 * outage is, the ground for an MTPD (see DOMAIN.md). An assessment replaces the one before.
 */
@ProcessingGroup(ProcessProjection.READ_MODEL)
public class ImpactProjection {
  private final Sql sql;

  public ImpactProjection(Sql sql) {
    this.sql = sql;
  }

  /** The ratings of a process, by horizon then category, with who assessed them and when. */
  public record StoredImpacts(List<ImpactRating> ratings, String assessedBy, Instant assessedAt) {}

  @EventHandler
  void on(
      ImpactsAssessed e,
      @Timestamp Instant at,
      @SequenceNumber Long seq,
      @MetaDataValue("principal") String principal) {
    GraphVersion.bump(sql);
    sql.update("DELETE FROM bia_impact WHERE process_id = ?", e.processId());
    for (ImpactRating rating : e.ratings()) {
      sql.update(
          "INSERT INTO bia_impact (process_id, category, horizon_seconds, score, assessed_by,"
              + " assessed_at) VALUES (?, ?, ?, ?, ?, ?)",
          e.processId(),
          rating.category().name(),
          rating.horizon(),
          rating.score(),
          principal,
          at);
    }
    sql.update("UPDATE bia_process SET version = ? WHERE process_id = ?", seq, e.processId());
  }

  @QueryHandler
  public StoredImpacts impacts(FindImpacts query) {
    record Row(ImpactRating rating, String by, Instant at) {}
    List<Row> rows =
        sql.list(
            "SELECT * FROM bia_impact WHERE process_id = ? ORDER BY horizon_seconds, category",
            r ->
                new Row(
                    new ImpactRating(
                        ImpactCategory.valueOf(r.getString("category")),
                        Duration.ofSeconds(r.getLong("horizon_seconds")),
                        r.getInt("score")),
                    r.getString("assessed_by"),
                    Sql.instant(r, "assessed_at")),
            query.processId());
    List<ImpactRating> ratings = new ArrayList<>(rows.size());
    rows.forEach(row -> ratings.add(row.rating()));
    Row last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
    return new StoredImpacts(
        ratings, last == null ? null : last.by(), last == null ? null : last.at());
  }
}
