/**
 * The BIA's write side: the event-sourced aggregates (business processes, assets, threats, target
 * revisions), the guard that keeps asset names and identifiers unique, and the component that
 * decides on a revision across two aggregates.
 */
package nl.herstel.bia.command;
