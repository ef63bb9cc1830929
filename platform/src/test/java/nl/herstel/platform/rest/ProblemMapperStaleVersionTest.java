package nl.herstel.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import nl.herstel.platform.domain.Conflict;
import nl.herstel.platform.domain.StaleVersion;
import org.junit.jupiter.api.Test;

/** A stale If-Match is 412 naming If-Match; any other conflict stays 409. */
class ProblemMapperStaleVersionTest {
  private final ProblemMapper mapper = new ProblemMapper();

  @Test
  void aStaleVersionIsA412NamingIfMatch() {
    Problem problem = mapper.map(new StaleVersion("Evaluation e1 is at version 2, not 1"));

    assertThat(problem.status()).isEqualTo(412);
    assertThat(problem.type().toString())
        .isEqualTo("https://herstel.nl/problems/precondition-failed");
    assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("If-Match");
  }

  @Test
  void anyOtherConflictStaysA409() {
    assertThat(mapper.map(new Conflict("status", "final")).status()).isEqualTo(409);
  }
}
