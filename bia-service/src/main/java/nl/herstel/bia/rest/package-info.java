/**
 * The BIA's REST API under /api/bia: thin resources that map requests to the command and query
 * gateways (and to command-side components for work spanning aggregates), never SQL or the event
 * store.
 */
package nl.herstel.bia.rest;
