/** plan-service's REST API under /api/plans: thin resources over the command and query gateways. */
package nl.herstel.plans.rest;
