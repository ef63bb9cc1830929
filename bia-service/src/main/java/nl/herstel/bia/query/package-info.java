/**
 * The BIA's read side: projections into PostgreSQL (processes, impacts, assets, dependencies,
 * threats, revisions; one tracking processor), graph queries over an in-memory snapshot of them
 * (failure impact, single points of failure, priorities, cycles), and history and time travel read
 * from the event store.
 */
package nl.herstel.bia.query;
