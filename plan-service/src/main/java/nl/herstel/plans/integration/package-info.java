/** plan-service on Kafka: the BIA events it learns processes from, the plan events it publishes. */
package nl.herstel.plans.integration;
