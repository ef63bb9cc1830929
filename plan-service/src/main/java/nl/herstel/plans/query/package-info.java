/** The read models in PostgreSQL: plans, known processes and their coverage, and their queries. */
package nl.herstel.plans.query;
