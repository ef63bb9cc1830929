/**
 * The published language between Herstel services: integration events, their types, topics and JSON
 * mapping.
 */
package nl.herstel.contracts;
