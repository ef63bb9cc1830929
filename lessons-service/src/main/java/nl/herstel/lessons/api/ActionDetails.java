package nl.herstel.lessons.api;

import java.time.LocalDate;

/**
 * What an improvement action is about and who does it by when.
 *
 * @param owner who carries it out: a token name, so a process owner may report on their own actions
 * @param due the day it should be done by; it is overdue from the next day on unless DONE or
 *     WONT_DO
 */
public record ActionDetails(
    String title,
    String description,
    String owner,
    LocalDate due,
    ActionPriority priority,
    ActionTarget target) {}
