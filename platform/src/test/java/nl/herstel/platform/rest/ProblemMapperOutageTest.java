package nl.herstel.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import nl.herstel.platform.jdbc.DataAccessException;
import org.junit.jupiter.api.Test;

/** A database that is away is a 503 that names no internals; a bug stays a 500 with an id. */
class ProblemMapperOutageTest {
  private final ProblemMapper mapper = new ProblemMapper();

  @Test
  void aDatabaseOutageIsA503() {
    Problem problem =
        mapper.map(
            new DataAccessException(
                "Could not start a database transaction",
                new SQLTransientConnectionException(
                    "herstel - Connection is not available, request timed out after 3000ms")));

    assertThat(problem.status()).isEqualTo(503);
    assertThat(problem.detail())
        .isEqualTo("The service cannot reach its database; try again shortly");
    assertThat(problem.errorId()).isNull();
  }

  @Test
  void anyOtherDatabaseFailureIsA500WithAnErrorId() {
    Problem problem =
        mapper.map(new DataAccessException("x", new java.sql.SQLException("dup", "23505")));

    assertThat(problem.status()).isEqualTo(500);
    assertThat(problem.errorId()).isNotBlank();
  }
}
