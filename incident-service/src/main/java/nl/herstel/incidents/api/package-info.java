/** incident-service's commands, events and queries: the language of the live incident. */
package nl.herstel.incidents.api;
