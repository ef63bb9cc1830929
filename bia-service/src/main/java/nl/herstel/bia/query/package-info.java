/** The BIA read model: projections into PostgreSQL and the queries they answer. */
package nl.herstel.bia.query;
