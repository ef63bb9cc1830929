/** The merged OpenAPI document of all services. */
package nl.herstel.gateway.openapi;
