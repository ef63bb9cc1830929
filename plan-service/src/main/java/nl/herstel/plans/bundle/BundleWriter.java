package nl.herstel.plans.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.herstel.plans.query.PlanBundleSource;

/**
 * Puts a bundle together: the plan as HTML and PDF, each with a detached OpenPGP signature, the key
 * that verifies them and how to check them, in one ZIP; or one of the documents alone.
 */
public final class BundleWriter {
  private BundleWriter() {}

  /** What can be taken: everything in a ZIP, or one document. */
  public enum Format {
    ZIP("application/zip", "zip"),
    HTML("text/html;charset=UTF-8", "html"),
    PDF("application/pdf", "pdf");

    private final String mediaType;
    private final String extension;

    Format(String mediaType, String extension) {
      this.mediaType = mediaType;
      this.extension = extension;
    }

    public String mediaType() {
      return mediaType;
    }

    public String extension() {
      return extension;
    }
  }

  /**
   * A bundle's bytes and the detached signature of a single document (null for a ZIP, which holds
   * its signatures).
   */
  public record Bundle(byte[] bytes, String signature, String sha256) {}

  /** Renders, signs and packs the plan's published version. */
  public static Bundle write(
      PlanBundleSource plan, Format format, Instant takenAt, SigningKey key) {
    String html = BundleRenderer.html(plan, takenAt, key.fingerprint());
    byte[] htmlBytes = html.getBytes(StandardCharsets.UTF_8);
    if (format == Format.HTML) {
      return new Bundle(htmlBytes, key.sign(htmlBytes), sha256(htmlBytes));
    }
    byte[] pdf = BundleRenderer.pdf(html);
    if (format == Format.PDF) {
      return new Bundle(pdf, key.sign(pdf), sha256(pdf));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + htmlBytes.length + 8192);
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      entry(zip, "plan.html", htmlBytes);
      entry(zip, "plan.html.asc", key.sign(htmlBytes).getBytes(StandardCharsets.US_ASCII));
      entry(zip, "plan.pdf", pdf);
      entry(zip, "plan.pdf.asc", key.sign(pdf).getBytes(StandardCharsets.US_ASCII));
      entry(zip, "signing-key.asc", key.publicKey().getBytes(StandardCharsets.US_ASCII));
      entry(
          zip,
          "README.txt",
          ("Recovery plan "
                  + plan.content().name()
                  + ", version "
                  + plan.publishedVersion()
                  + ", bundle taken "
                  + takenAt
                  + ".\n\nCheck it before you trust it:\n"
                  + "  gpg --import signing-key.asc\n"
                  + "  gpg --verify plan.html.asc plan.html\n"
                  + "  gpg --verify plan.pdf.asc plan.pdf\n"
                  + "The key's fingerprint is "
                  + key.fingerprint()
                  + "; compare it with GET /api/plans/bundle-key.\n")
              .getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] bytes = out.toByteArray();
    return new Bundle(bytes, null, sha256(bytes));
  }

  /** Hex SHA-256 of the bytes. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bytes);
    zip.closeEntry();
  }
}
