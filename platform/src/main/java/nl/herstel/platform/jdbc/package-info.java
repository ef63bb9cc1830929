/** PostgreSQL access: the connection pool, transactions shared with Axon, and migrations. */
package nl.herstel.platform.jdbc;
