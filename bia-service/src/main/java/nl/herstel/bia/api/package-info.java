/** The BIA's commands, events and queries: the language of the business impact analysis. */
package nl.herstel.bia.api;
