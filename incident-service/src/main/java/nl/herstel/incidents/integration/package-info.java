/** incident-service on Kafka: the BIA copy it consumes and the incident events it publishes. */
package nl.herstel.incidents.integration;
