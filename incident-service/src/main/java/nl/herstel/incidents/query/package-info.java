/** The read side: the incident read model, the BIA graph walk and the incident's history. */
package nl.herstel.incidents.query;
