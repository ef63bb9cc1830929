/** The gateway's JAX-RS application and its public resources. */
package nl.herstel.gateway.rest;
