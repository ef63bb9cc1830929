/** The BIA's REST API under /api/bia: thin resources over the command and query gateways. */
package nl.herstel.bia.rest;
