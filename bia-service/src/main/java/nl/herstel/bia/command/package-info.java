/** The BIA's aggregates: processes, assets and target revisions, event-sourced. */
package nl.herstel.bia.command;
