/**
 * SOC alert formats (our own schema, CloudEvents, Alertmanager, PagerDuty, TheHive, Sentinel,
 * Elastic Security, OCSF) translated into one {@link nl.herstel.incidents.intake.Alert}.
 */
package nl.herstel.incidents.intake;
