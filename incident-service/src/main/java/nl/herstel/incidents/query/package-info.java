/**
 * The read side: the incident read model and its correlation lookups, the deadlines and
 * notification obligations, recovery tasks and activations, communications, evidence custody,
 * restorations and costs, the unresolved asset queue, the plan and BIA copies as the intake and the
 * plan proposal read them, and the incident's history, read through Axon's event store. Every
 * projection writes through the platform's {@code Sql} helper, in its processor's transaction.
 */
package nl.herstel.incidents.query;
