/** PostgreSQL, Kafka and tokens for integration tests of the service modules, shared per JVM. */
package nl.herstel.devstack.testing;
