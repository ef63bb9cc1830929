/**
 * lessons-service on Kafka: what it keeps of the BIA's and incidents' events, how a closed incident
 * becomes a review, and the revision proposals it publishes.
 */
package nl.herstel.lessons.integration;
