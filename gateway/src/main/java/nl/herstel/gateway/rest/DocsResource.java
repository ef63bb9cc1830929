package nl.herstel.gateway.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /api/docs}: Swagger UI of the merged OpenAPI document ({@code /api/openapi}), from the
 * {@code org.webjars:swagger-ui} jar. Like the document, it needs no token: it holds no data, and
 * "Try it out" asks for a bearer token. The page has no inline script, so its Content Security
 * Policy allows scripts and styles from this origin only (see {@link DocsHeaders}).
 */
@Path("/docs")
@ApplicationScoped
@PermitAll
public class DocsResource {
  /** The policy of the docs pages: this origin's scripts, styles and images, nothing inline. */
  static final String POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
  private static final Map<String, String> ASSETS =
      Map.of(
          "swagger-ui.css", "text/css",
          "swagger-ui-bundle.js", "text/javascript",
          "favicon-32x32.png", "image/png");
  private static final String INITIALIZER = "/nl/herstel/gateway/docs/initializer.js";

  private final String version = webjarVersion();

  @GET
  @Produces(MediaType.TEXT_HTML)
  @Operation(hidden = true)
  public Response page(@Context UriInfo uri) {
    String base = uri.getBaseUri().getRawPath().replaceAll("/+$", "");
    String html =
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>Herstel API</title>
        <link rel="icon" type="image/png" href="%1$s/docs/favicon-32x32.png">
        <link rel="stylesheet" href="%1$s/docs/swagger-ui.css">
        </head>
        <body>
        <div id="swagger-ui" data-url="%1$s/openapi"></div>
        <script src="%1$s/docs/swagger-ui-bundle.js"></script>
        <script src="%1$s/docs/initializer.js"></script>
        </body>
        </html>
        """
            .formatted(base);
    return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
  }

  @GET
  @Path("/{file}")
  @Operation(hidden = true)
  public Response asset(@PathParam("file") String file) {
    if (file.equals("initializer.js")) {
      return cached(DocsResource.class.getResourceAsStream(INITIALIZER), "text/javascript");
    }
    String type = ASSETS.get(file);
    if (type == null) {
      throw new NotFoundException();
    }
    return cached(
        DocsResource.class.getClassLoader().getResourceAsStream(WEBJAR + version + "/" + file),
        type);
  }

  private static Response cached(InputStream content, String type) {
    if (content == null) {
      throw new NotFoundException();
    }
    return Response.ok(content, type).header("Cache-Control", "public, max-age=3600").build();
  }

  private static String webjarVersion() {
    try (InputStream in =
        DocsResource.class
            .getClassLoader()
            .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("org.webjars:swagger-ui is not on the class path");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
