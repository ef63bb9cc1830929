package nl.herstel.plans.api;

/** A plan's version and status after a change: the answer to a command that changes a plan. */
public record PlanVersion(int version, PlanStatus status) {}
