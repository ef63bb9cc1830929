/**
 * The BIA on Kafka: the contract events it publishes, and what it consumes: lessons-service's
 * revision proposals and incident-service's hints mapped to assets.
 */
package nl.herstel.bia.integration;
