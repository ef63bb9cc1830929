/** How plan-service is wired: its ServiceModule. */
package nl.herstel.plans.config;
