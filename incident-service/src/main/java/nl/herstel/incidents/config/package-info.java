/** How incident-service is wired: its ServiceModule. */
package nl.herstel.incidents.config;
