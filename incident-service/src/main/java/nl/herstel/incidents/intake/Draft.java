package nl.herstel.incidents.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.herstel.contracts.incidents.Severity;

/**
 * An alert being read from a vendor payload. An adapter fills in what the vendor sent; what is
 * absent or unreadable gets a default and a warning instead of a refusal, because a SOC tool's
 * alert that is valid for its vendor must never be dropped: the answer reports the warnings.
 */
final class Draft {
  /** The most asset hints one alert keeps; the rest are reported. */
  static final int MAX_HINTS = 100;

  private final String source;
  private final Map<String, String> hints = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();
  private String sourceId;
  private String title;
  private Severity severity;
  private Instant detectedAt;
  private String description;
  private Instant updatedAt;
  private String correlationKey;
  private boolean tooManyHints;

  Draft(String source) {
    this.source = source;
  }

  Draft sourceId(String id) {
    this.sourceId = id;
    return this;
  }

  /** The id when the vendor gave none: a hash of the payload, so a retry is the same alert. */
  Draft sourceIdFrom(JsonNode payload) {
    this.sourceId = "sha256:" + sha256(payload == null ? "null" : payload.toString());
    return this;
  }

  Draft title(String text) {
    this.title = text;
    return this;
  }

  Draft severity(Severity value) {
    this.severity = value;
    return this;
  }

  Draft detectedAt(Instant at) {
    this.detectedAt = at;
    return this;
  }

  Draft description(String text) {
    this.description = text;
    return this;
  }

  Draft updatedAt(Instant at) {
    this.updatedAt = at;
    return this;
  }

  Draft correlationKey(String key) {
    this.correlationKey = key;
    return this;
  }

  boolean hasDetectedAt() {
    return detectedAt != null;
  }

  /**
   * An asset hint, once (case ignored). A host with a port, a URL or a bracketed IPv6 address is
   * reduced to its host; blank hints are skipped.
   */
  Draft hint(String value) {
    String host = host(value);
    if (host == null) {
      return this;
    }
    String key = host.toLowerCase(Locale.ROOT);
    if (hints.containsKey(key)) {
      return this;
    }
    if (hints.size() == MAX_HINTS) {
      if (!tooManyHints) {
        tooManyHints = true;
        warn("assets", "more than " + MAX_HINTS + " asset hints; the first " + MAX_HINTS + " kept");
      }
      return this;
    }
    hints.put(key, Payload.cut(host, 1000));
    return this;
  }

  void warn(String field, String message) {
    warnings.add(field + ": " + message);
  }

  /**
   * An ISO-8601 time, also with the offset written {@code +0000} (as PagerDuty's examples do), or
   * null with a warning when the text is not one.
   */
  Instant time(String text, String field) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2")).toInstant();
    } catch (DateTimeException notIso) {
      try {
        return Instant.parse(text);
      } catch (DateTimeException notInstant) {
        warn(field, "'" + text + "' is not an ISO-8601 time; ignored");
        return null;
      }
    }
  }

  /** Milliseconds (or, below 10^11, seconds) since the epoch, or an ISO text; null when absent. */
  Instant epoch(JsonNode value, String field) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return null;
    }
    if (value.isNumber()) {
      long number = value.asLong();
      return number < 100_000_000_000L
          ? Instant.ofEpochSecond(number)
          : Instant.ofEpochMilli(number);
    }
    if (value.isTextual() && value.asText().matches("\\d{9,13}")) {
      return epoch(
          com.fasterxml.jackson.databind.node.LongNode.valueOf(Long.parseLong(value.asText())),
          field);
    }
    return time(value.isTextual() ? value.asText().strip() : value.toString(), field);
  }

  /** The alert, with defaults where the vendor gave nothing. */
  Alert alert(String defaultTitle, JsonNode raw) {
    if (title == null) {
      warn("title", "none given; called '" + defaultTitle + "'");
    }
    if (hints.isEmpty()) {
      warn("assets", "the payload names no asset; the incident has no affected processes yet");
    }
    return new Alert(
        source,
        Payload.cut(sourceId, 200),
        Payload.cut(title == null ? defaultTitle : title, Payload.MAX_TITLE),
        severity == null ? Severity.MEDIUM : severity,
        List.copyOf(hints.values()),
        detectedAt,
        Payload.cut(description, Payload.MAX_DESCRIPTION),
        raw,
        updatedAt,
        Payload.cut(correlationKey, 200),
        warnings);
  }

  /** A severity the vendor wrote that the adapter does not know: MEDIUM, with a warning. */
  Severity unknownSeverity(String field, Object value) {
    warn(field, "unknown severity '" + value + "'; taken as MEDIUM");
    return Severity.MEDIUM;
  }

  /**
   * The host a value names: {@code db-01:9100} → {@code db-01}, {@code https://web.example.nl/x} →
   * {@code web.example.nl}, {@code [2001:db8::1]:443} → {@code 2001:db8::1}; anything else as it is
   * (stripped); null when blank.
   */
  static String host(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    int scheme = text.indexOf("://");
    if (scheme > 0 && text.substring(0, scheme).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
      text = text.substring(scheme + 3);
      int end = text.length();
      for (char c : new char[] {'/', '?', '#'}) {
        int at = text.indexOf(c);
        if (at >= 0 && at < end) {
          end = at;
        }
      }
      text = text.substring(0, end);
      int user = text.lastIndexOf('@');
      if (user >= 0) {
        text = text.substring(user + 1);
      }
    }
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      return close > 1 ? text.substring(1, close) : text;
    }
    int colon = text.lastIndexOf(':');
    if (colon > 0
        && text.indexOf(':') == colon
        && !text.contains("/")
        && text.substring(colon + 1).matches("\\d{1,5}")) {
      text = text.substring(0, colon);
    }
    return text.isBlank() ? null : text;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
