/**
 * incident-service on Kafka: the BIA and plan copies it consumes (resolving queued asset hints as
 * the BIA learns assets) and the incident events it publishes.
 */
package nl.herstel.incidents.integration;
