/** The BIA on Kafka: the contract events it publishes and the revision proposals it consumes. */
package nl.herstel.bia.integration;
