/** Tamper evidence: the hash chain over every stored event stream, and its verification. */
package nl.herstel.platform.audit;
