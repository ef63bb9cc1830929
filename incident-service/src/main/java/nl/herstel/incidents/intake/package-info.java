/**
 * SOC alert formats (our own schema, CloudEvents, Alertmanager, PagerDuty, TheHive, Sentinel,
 * Elastic Security, OCSF) translated into one {@link nl.herstel.incidents.intake.Alert}, and the
 * per-source intake API keys ({@link nl.herstel.incidents.intake.IntakeKeys}, stored hashed).
 */
package nl.herstel.incidents.intake;
