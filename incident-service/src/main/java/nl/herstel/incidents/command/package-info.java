/**
 * The write side. The {@link nl.herstel.incidents.command.Incident} aggregate keeps the rules of
 * one incident (intake and correlation, lifecycle, decisions, communications, restorations, costs,
 * recovery clocks, plan activation), with its parts in their own classes and its recovery tasks as
 * entities ({@link nl.herstel.incidents.command.RecoveryTask}); {@link
 * nl.herstel.incidents.command.AssetHintMapping} records which asset a hint was. Evidence items
 * ({@link nl.herstel.incidents.command.EvidenceItem}) and notification obligations ({@link
 * nl.herstel.incidents.command.NotificationObligation}) live on after their incident closes, so
 * each is an aggregate of its own; {@link nl.herstel.incidents.command.EvidenceRouting} and {@link
 * nl.herstel.incidents.command.NotificationRouting} keep the rules that need the incident and route
 * to where a record lives ({@link nl.herstel.incidents.command.RecordStreams}): records registered
 * before they had streams of their own stay in their incident's stream. {@link
 * nl.herstel.incidents.command.MergeAndSplit} carries out merges and splits, which span two
 * incidents, in one transaction; {@link nl.herstel.incidents.command.DeadlineClock} fires deadlines
 * nobody touches.
 */
package nl.herstel.incidents.command;
