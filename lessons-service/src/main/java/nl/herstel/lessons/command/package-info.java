/** lessons-service's aggregates: the reviews of closed incidents, event-sourced. */
package nl.herstel.lessons.command;
