package nl.herstel.bia.query;

import java.time.LocalDate;

/** A process whose review is overdue; dates are null when it was never reviewed. */
public record ReviewView(
    String processId,
    String name,
    String owner,
    LocalDate lastReviewedOn,
    LocalDate reviewDue,
    String reviewedBy) {}
