/** Exceptions with which aggregates and services reject a request, independent of transport. */
package nl.herstel.platform.domain;
