/** incident-service's REST API under /api/incidents: thin resources over the gateways. */
package nl.herstel.incidents.rest;
