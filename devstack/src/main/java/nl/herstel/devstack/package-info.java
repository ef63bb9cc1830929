/**
 * Runs Herstel locally: embedded PostgreSQL, a KRaft Kafka broker, a dev token service and the five
 * Liberty servers.
 */
package nl.herstel.devstack;
