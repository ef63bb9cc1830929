/** The write side: the Incident aggregate and the rules it keeps. */
package nl.herstel.incidents.command;
