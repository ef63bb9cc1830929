package nl.herstel.platform.rest;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What every service's OpenAPI document says the same way, so that the resources need not repeat
 * it:
 *
 * <ul>
 *   <li>Operations every service offers from the platform (its dead letters, its read models) get
 *       the service's name in their operationId ({@code plansListDeadLetters}), so the gateway's
 *       merged document keeps every operationId unique. The service is named by the path's second
 *       segment ({@code /api/plans}).
 *   <li>Every error answer (4xx, 5xx) is a {@link Problem}: one that names no body gets {@code
 *       application/problem+json} with the Problem schema (see {@link ProblemMapper}).
 *   <li>Every operation answers 400 to a query parameter it does not take and to text that cannot
 *       be stored, and one that takes a body answers 415 to a body without a media type it takes
 *       (see {@link RequestHygiene}).
 * </ul>
 */
public class OpenApiConventions implements OASFilter {
  /**
   * Paths (after {@code /api/<service>}) of the operations every service offers from the platform.
   */
  private static final List<String> SHARED = List.of("/dead-letters", "/admin/read-models");

  private static final String PROBLEM_REF = "#/components/schemas/Problem";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    boolean problems =
        openAPI.getComponents() != null
            && openAPI.getComponents().getSchemas() != null
            && openAPI.getComponents().getSchemas().containsKey("Problem");
    for (Map.Entry<String, PathItem> entry : openAPI.getPaths().getPathItems().entrySet()) {
      for (Operation operation : entry.getValue().getOperations().values()) {
        prefixSharedOperationId(entry.getKey(), operation);
        if (problems) {
          describeProblems(operation);
        }
      }
    }
  }

  private static void prefixSharedOperationId(String path, Operation operation) {
    String[] segments = path.split("/");
    if (segments.length < 4 || SHARED.stream().noneMatch(path::contains)) {
      return;
    }
    String service = segments[2];
    String id = operation.getOperationId();
    if (id != null && !id.startsWith(service)) {
      operation.setOperationId(service + Character.toUpperCase(id.charAt(0)) + id.substring(1));
    }
  }

  private static void describeProblems(Operation operation) {
    APIResponses responses = operation.getResponses();
    if (responses == null) {
      return;
    }
    if (!responses.hasAPIResponse("400")) {
      responses.addAPIResponse(
          "400",
          OASFactory.createAPIResponse()
              .description(
                  "A query parameter this operation does not take, or text that cannot be"
                      + " stored (the NUL character); errors name the parameter"));
    }
    if (operation.getRequestBody() != null && !responses.hasAPIResponse("415")) {
      responses.addAPIResponse(
          "415",
          OASFactory.createAPIResponse()
              .description("The body is not of a media type this operation takes"));
    }
    for (Map.Entry<String, APIResponse> answer : responses.getAPIResponses().entrySet()) {
      char kind = answer.getKey().charAt(0);
      Content content = answer.getValue().getContent();
      if ((kind == '4' || kind == '5')
          && (content == null
              || content.getMediaTypes() == null
              || content.getMediaTypes().isEmpty())) {
        answer
            .getValue()
            .setContent(
                OASFactory.createContent()
                    .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                            .schema(OASFactory.createSchema().ref(PROBLEM_REF))));
      }
    }
  }
}
