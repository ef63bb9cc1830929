/** Fields that Liberty's JSON log lines carry for the work running on a thread. */
package nl.herstel.platform.logging;
