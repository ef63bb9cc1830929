/**
 * The write side. The {@link nl.herstel.incidents.command.Incident} aggregate keeps the rules of
 * one incident (intake and correlation, lifecycle, decisions, communications, evidence custody,
 * restorations, costs, clocks and notification obligations, plan activation), with its parts in
 * their own classes and its recovery tasks as entities ({@link
 * nl.herstel.incidents.command.RecoveryTask}); {@link
 * nl.herstel.incidents.command.AssetHintMapping} records which asset a hint was. {@link
 * nl.herstel.incidents.command.MergeAndSplit} carries out merges and splits, which span two
 * incidents, in one transaction; {@link nl.herstel.incidents.command.DeadlineClock} fires deadlines
 * nobody touches.
 *
 * <p>Evidence items and notification obligations are still part of the incident's event stream:
 * their events are stored as Incident events, which the history, the read models and the clocks
 * read as before.
 */
package nl.herstel.incidents.command;
