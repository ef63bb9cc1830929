/** Liveness and readiness: PostgreSQL, Kafka and Axon, as MicroProfile Health checks. */
package nl.herstel.platform.health;
