package nl.herstel.lessons.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When lessons call an RTO "consistently met with margin" and propose a stricter one (DOMAIN.md,
 * "Improve"): the last {@link #rtoMarginWindow()} recoveries of a process all took at most {@link
 * #rtoMarginShare()} of its RTO.
 */
@ApplicationScoped
public class LessonsConfig {

  /**
   * {@code herstel.lessons.rto-margin.window}: how many of a process's latest recoveries must all
   * show the margin, default 3; values below 3 count as 3 (fewer is chance, not evidence).
   */
  @Inject
  @ConfigProperty(name = "herstel.lessons.rto-margin.window", defaultValue = "3")
  int rtoMarginWindow;

  /**
   * {@code herstel.lessons.rto-margin.share}: the margin, as the share of the RTO each of those
   * recoveries stayed within, default 0.5 (half the RTO); values outside (0, 1) count as 0.5.
   */
  @Inject
  @ConfigProperty(name = "herstel.lessons.rto-margin.share", defaultValue = "0.5")
  double rtoMarginShare;

  public int rtoMarginWindow() {
    return Math.max(3, rtoMarginWindow);
  }

  public double rtoMarginShare() {
    return rtoMarginShare > 0 && rtoMarginShare < 1 ? rtoMarginShare : 0.5;
  }
}
