/**
 * REST plumbing shared by all services: JSON, RFC 9457 problem details, request limits and hygiene,
 * validation, pages, versions (ETag and If-Match), public URIs and security headers.
 */
package nl.herstel.platform.rest;
