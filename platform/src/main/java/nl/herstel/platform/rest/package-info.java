/** REST plumbing shared by all services: JSON, RFC 9457 problem details, request limits. */
package nl.herstel.platform.rest;
