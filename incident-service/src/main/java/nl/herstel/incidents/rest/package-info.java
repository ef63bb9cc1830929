/**
 * incident-service's REST API under /api/incidents: thin resources over the command and query
 * gateways. They touch neither SQL nor the event store (the query side answers), and send one
 * command per request (work spanning incidents is the command side's).
 */
package nl.herstel.incidents.rest;
