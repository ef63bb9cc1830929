/** How bia-service is wired: its ServiceModule. */
package nl.herstel.bia.config;
