/** plan-service's commands, events and queries: the language of recovery plans and coverage. */
package nl.herstel.plans.api;
