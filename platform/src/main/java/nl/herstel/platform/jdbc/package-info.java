/**
 * PostgreSQL access: the connection pool, transactions shared with Axon, migrations, the one SQL
 * helper ({@code Sql}) and the consumers' copy of BIA process targets.
 */
package nl.herstel.platform.jdbc;
