package nl.herstel.platform.rest;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * Operations every service offers from the platform (such as its dead letters) get the service's
 * name in their operationId ({@code plansListDeadLetters}), so the gateway's merged document keeps
 * every operationId unique. The service is named by the path's second segment ({@code /api/plans}).
 */
public class SharedOperationIds implements OASFilter {
  private static final String SHARED_PREFIX = "/dead-letters";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    for (Map.Entry<String, PathItem> entry : openAPI.getPaths().getPathItems().entrySet()) {
      String[] segments = entry.getKey().split("/");
      if (segments.length < 4 || !entry.getKey().contains(SHARED_PREFIX)) {
        continue;
      }
      String service = segments[2];
      for (Operation operation : entry.getValue().getOperations().values()) {
        String id = operation.getOperationId();
        if (id != null && !id.startsWith(service)) {
          operation.setOperationId(service + Character.toUpperCase(id.charAt(0)) + id.substring(1));
        }
      }
    }
  }
}
