/** Integration events of live cyber incidents, published on {@code Topic.INCIDENTS}. */
package nl.herstel.contracts.incidents;
