package nl.herstel.platform.document;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Documents people read offline or print: the plan bundle's plan and the management report. They
 * are written once as XHTML (well-formed, so the same text is the web page and the PDF's source)
 * and rendered to PDF here. A service that renders PDFs declares openhtmltopdf itself (and its SVG
 * support, for inline SVG charts); the platform only compiles against them.
 */
public final class Documents {
  private Documents() {}

  /** Escapes text for XHTML element content and attribute values; null is empty. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder s = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      switch (ch) {
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '&' -> s.append("&amp;");
        case '"' -> s.append("&quot;");
        case '\'' -> s.append("&#39;");
        default -> {
          // XML 1.0 has no place for other control characters: they are dropped.
          if (ch >= 0x20 || ch == '\n' || ch == '\t') {
            s.append(ch);
          }
        }
      }
    }
    return s.toString();
  }

  /**
   * Renders a well-formed XHTML document as PDF.
   *
   * @param what what the document is, for the error message
   */
  public static byte[] pdf(String xhtml, String what) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      if (SvgSupport.PRESENT) {
        SvgSupport.use(builder);
      }
      builder.withHtmlContent(xhtml, null);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not render " + what + " as PDF", e);
    }
    return out.toByteArray();
  }

  /** Batik draws inline SVG when the service has it; touched only when it is on the classpath. */
  private static final class SvgSupport {
    static final boolean PRESENT = present();

    private static boolean present() {
      try {
        Class.forName(
            "com.openhtmltopdf.svgsupport.BatikSVGDrawer", false, Documents.class.getClassLoader());
        return true;
      } catch (ClassNotFoundException | LinkageError e) {
        return false;
      }
    }

    static void use(PdfRendererBuilder builder) {
      builder.useSVGDrawer(new com.openhtmltopdf.svgsupport.BatikSVGDrawer());
    }
  }
}
