package nl.herstel.contracts.bia;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The normal form of asset identifiers, part of the published language: bia-service stores and
 * publishes identifiers in this form and incident-service compares SOC hints with them in the same
 * form, so both sides must normalise alike. Every form is lower case (identifiers match regardless
 * of case); addresses are canonical (IPv6 compressed as RFC 5952 writes it, a CIDR without host
 * bits).
 */
public final class AssetIdentifiers {
  /** The longest identifier kept; Azure resource ids run long. */
  public static final int MAX_LENGTH = 1000;

  private static final Pattern LABEL = Pattern.compile("[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?");
  private static final Pattern IPV4 =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-f:]+(?:[0-9.]+)?");
  private static final Pattern ARN = Pattern.compile("arn:[a-z0-9-]+:[a-z0-9-]+:[^:]*:[^:]*:.+");
  private static final Pattern AZURE = Pattern.compile("/subscriptions/[^/]+(?:/.*)?");
  private static final Pattern GCP =
      Pattern.compile("(?:https://|//)[a-z0-9.-]*googleapis\\.com/.+");

  private AssetIdentifiers() {}

  /**
   * The normal form of {@code value} as an identifier of {@code kind}.
   *
   * @throws IllegalArgumentException naming what is wrong when the value is not of that kind
   */
  public static String normalize(IdentifierKind kind, String value) {
    Objects.requireNonNull(kind, "kind");
    String text = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    if (text.isEmpty()) {
      throw new IllegalArgumentException("must not be blank");
    }
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters");
    }
    if (text.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("must not contain control characters");
    }
    return switch (kind) {
      case HOSTNAME -> {
        if (!LABEL.matcher(text).matches()) {
          throw new IllegalArgumentException(
              text.contains(".")
                  ? "a host name is one label; give '" + text + "' as an FQDN"
                  : "is not a host name (letters, digits, '-' and '_', at most 63)");
        }
        yield text;
      }
      case FQDN -> fqdn(text);
      case IP_ADDRESS -> {
        String address = address(text);
        if (address == null) {
          throw new IllegalArgumentException("is not an IPv4 or IPv6 address");
        }
        yield address;
      }
      case CIDR -> cidr(text);
      case CLOUD_RESOURCE_ID -> {
        if (!ARN.matcher(text).matches()
            && !AZURE.matcher(text).matches()
            && !GCP.matcher(text).matches()) {
          throw new IllegalArgumentException(
              "is not an AWS ARN (arn:…), an Azure resource id (/subscriptions/…) or a Google"
                  + " Cloud self-link (https://…googleapis.com/…)");
        }
        yield text.length() > 1 && AZURE.matcher(text).matches() && text.endsWith("/")
            ? text.substring(0, text.length() - 1)
            : text;
      }
      case CMDB_ID, ALIAS -> text;
    };
  }

  /** The kind a bare value most likely is, for hints mapped by hand; ALIAS when nothing fits. */
  public static IdentifierKind infer(String value) {
    String text = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    if (address(text) != null) {
      return IdentifierKind.IP_ADDRESS;
    }
    if (text.contains("/") && isCidr(text)) {
      return IdentifierKind.CIDR;
    }
    if (ARN.matcher(text).matches()
        || AZURE.matcher(text).matches()
        || GCP.matcher(text).matches()) {
      return IdentifierKind.CLOUD_RESOURCE_ID;
    }
    if (isFqdn(text)) {
      return IdentifierKind.FQDN;
    }
    if (LABEL.matcher(text).matches()) {
      return IdentifierKind.HOSTNAME;
    }
    return IdentifierKind.ALIAS;
  }

  /** The canonical text of an IPv4 or IPv6 address, or null when {@code text} is not one. */
  public static String address(String text) {
    if (text == null) {
      return null;
    }
    String t = text.strip().toLowerCase(Locale.ROOT);
    var v4 = IPV4.matcher(t);
    if (v4.matches()) {
      StringBuilder out = new StringBuilder();
      for (int i = 1; i <= 4; i++) {
        int octet = Integer.parseInt(v4.group(i));
        if (octet > 255) {
          return null;
        }
        out.append(i > 1 ? "." : "").append(octet);
      }
      return out.toString();
    }
    if (!t.contains(":") || !IPV6.matcher(t).matches()) {
      return null;
    }
    int[] groups = ipv6(t);
    return groups == null ? null : formatIpv6(groups);
  }

  /** The first label of an FQDN ({@code web01} of {@code web01.example.nl}), else null. */
  public static String hostLabel(String fqdn) {
    if (fqdn == null || !isFqdn(fqdn.strip().toLowerCase(Locale.ROOT))) {
      return null;
    }
    String t = fqdn.strip().toLowerCase(Locale.ROOT);
    return t.substring(0, t.indexOf('.'));
  }

  /** Whether {@code text} is an FQDN: two or more host labels, the last not all digits. */
  public static boolean isFqdn(String text) {
    try {
      fqdn(text);
      return true;
    } catch (IllegalArgumentException notOne) {
      return false;
    }
  }

  private static String fqdn(String text) {
    String t = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    String[] labels = t.split("\\.", -1);
    if (labels.length < 2 || t.length() > 253) {
      throw new IllegalArgumentException("is not a fully qualified domain name (host.domain)");
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        throw new IllegalArgumentException("has an invalid label '" + label + "'");
      }
    }
    if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("is an address, not a domain name");
    }
    return t;
  }

  private static boolean isCidr(String text) {
    try {
      cidr(text);
      return true;
    } catch (IllegalArgumentException notOne) {
      return false;
    }
  }

  private static String cidr(String text) {
    int slash = text.indexOf('/');
    String address = slash > 0 ? address(text.substring(0, slash)) : null;
    if (address == null || !text.substring(slash + 1).matches("\\d{1,3}")) {
      throw new IllegalArgumentException("is not a network in CIDR notation, e.g. 10.20.0.0/16");
    }
    int prefix = Integer.parseInt(text.substring(slash + 1));
    boolean v4 = !address.contains(":");
    byte[] bits = v4 ? v4Bytes(address) : v6Bytes(address);
    if (prefix > bits.length * 8) {
      throw new IllegalArgumentException("has a prefix longer than " + bits.length * 8);
    }
    for (int bit = prefix; bit < bits.length * 8; bit++) {
      if ((bits[bit / 8] & (0x80 >> (bit % 8))) != 0) {
        throw new IllegalArgumentException(
            "has bits set after the /" + prefix + " prefix; give the network address");
      }
    }
    return address + "/" + prefix;
  }

  private static byte[] v4Bytes(String address) {
    String[] parts = address.split("\\.");
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      bytes[i] = (byte) Integer.parseInt(parts[i]);
    }
    return bytes;
  }

  private static byte[] v6Bytes(String address) {
    int[] groups = ipv6(address);
    byte[] bytes = new byte[16];
    for (int i = 0; i < 8; i++) {
      bytes[2 * i] = (byte) (groups[i] >> 8);
      bytes[2 * i + 1] = (byte) groups[i];
    }
    return bytes;
  }

  /** The eight 16-bit groups of an IPv6 address (an embedded IPv4 tail allowed), else null. */
  private static int[] ipv6(String t) {
    String text = t;
    int[] tail = null;
    int lastColon = text.lastIndexOf(':');
    if (text.indexOf('.') > lastColon && lastColon >= 0) {
      String v4 = address(text.substring(lastColon + 1));
      if (v4 == null || v4.contains(":")) {
        return null;
      }
      byte[] b = v4Bytes(v4);
      tail = new int[] {(b[0] & 0xff) << 8 | (b[1] & 0xff), (b[2] & 0xff) << 8 | (b[3] & 0xff)};
      text = text.substring(0, lastColon + 1) + "0:0";
    }
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    String[] head = gap >= 0 ? split(text.substring(0, gap)) : split(text);
    String[] rest = gap >= 0 ? split(text.substring(gap + 2)) : new String[0];
    if (head == null || rest == null) {
      return null;
    }
    int given = head.length + rest.length;
    if (gap < 0 ? given != 8 : given > 7) {
      return null;
    }
    int[] groups = new int[8];
    for (int i = 0; i < head.length; i++) {
      groups[i] = Integer.parseInt(head[i], 16);
    }
    for (int i = 0; i < rest.length; i++) {
      groups[8 - rest.length + i] = Integer.parseInt(rest[i], 16);
    }
    if (tail != null) {
      groups[6] = tail[0];
      groups[7] = tail[1];
    }
    return groups;
  }

  private static String[] split(String part) {
    if (part.isEmpty()) {
      return new String[0];
    }
    String[] groups = part.split(":", -1);
    for (String group : groups) {
      if (group.isEmpty() || group.length() > 4 || !group.matches("[0-9a-f]+")) {
        return null;
      }
    }
    return groups;
  }

  /** RFC 5952: lower-case hex, no leading zeros, the longest run of two or more zeros as ::. */
  private static String formatIpv6(int[] groups) {
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    return out.toString();
  }
}
