/** The write side: the event-sourced RecoveryPlan aggregate and its rules. */
package nl.herstel.plans.command;
