/** Who did what, under which role, in which conversation: caller context and event metadata. */
package nl.herstel.platform.messaging;
