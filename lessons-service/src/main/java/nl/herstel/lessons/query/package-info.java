/**
 * The lessons read model: recovery information and revision proposals, projected into PostgreSQL.
 */
package nl.herstel.lessons.query;
