package nl.herstel.incidents.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import nl.herstel.incidents.api.CostKind;

/**
 * An incident's costs, oldest first, with their totals per kind and currency and per currency: an
 * amount in one currency is never added to one in another.
 */
public record CostReport(List<CostView> costs, List<KindTotal> totalsByKind, List<Total> totals) {

  /** One recorded cost; {@code by} recorded it. */
  public record CostView(
      String costId,
      CostKind kind,
      BigDecimal amount,
      String currency,
      String description,
      Instant incurredAt,
      String by,
      String role,
      Instant recordedAt) {}

  /** The sum of one kind's costs in one currency. */
  public record KindTotal(CostKind kind, String currency, BigDecimal amount) {}

  /** The sum of all costs in one currency. */
  public record Total(String currency, BigDecimal amount) {}
}
