package nl.herstel.lessons.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import nl.herstel.contracts.ThreatCategories;
import nl.herstel.lessons.api.LikelihoodScale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When lessons call an RTO "consistently met with margin" and propose a stricter one (DOMAIN.md,
 * "Improve"): the last {@link #rtoMarginWindow()} recoveries of a process all took at most {@link
 * #rtoMarginShare()} of its RTO; and how often an incident category must occur a year to raise the
 * likelihood of the threat it matches.
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

  /**
   * {@code herstel.lessons.likelihood-scale}: the fewest incidents of a category a year that make
   * its threat's likelihood 2, 3, 4 and 5, comma-separated and ascending; default {@code 1,2,4,12}
   * (none a year is 1, one is 2, two or three 3, four to eleven 4, monthly or more 5). Anything
   * else counts as the default.
   */
  @Inject
  @ConfigProperty(name = "herstel.lessons.likelihood-scale", defaultValue = "1,2,4,12")
  String likelihoodScale;

  /**
   * {@code herstel.lessons.threat-aliases}: threat names that also match an incident category,
   * besides the name that spells the category ({@code ThreatCategories}), as {@code
   * CATEGORY=name|name;CATEGORY=name}, e.g. {@code FLOOD=Flooding|High water}; default none.
   */
  @Inject
  @ConfigProperty(name = "herstel.lessons.threat-aliases")
  Optional<String> threatAliases;

  public LikelihoodScale likelihoodScale() {
    return LikelihoodScale.parse(likelihoodScale);
  }

  public ThreatCategories threatCategories() {
    return ThreatCategories.parse(threatAliases.orElse(null));
  }
}
