package nl.herstel.platform.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import nl.herstel.platform.axon.AxonRuntime;

/**
 * While a read model is rebuilt its answers may be partial: every answer then names the read models
 * being rebuilt in {@value ReadModelResource#REBUILDING}.
 */
@Provider
public class RebuildingHeader implements ContainerResponseFilter {
  @Inject AxonRuntime axon;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!axon.isStarted()) {
      return;
    }
    axon.readModels()
        .map(readModels -> readModels.rebuildingGroups())
        .filter(groups -> !groups.isEmpty())
        .ifPresent(
            groups ->
                response
                    .getHeaders()
                    .putSingle(ReadModelResource.REBUILDING, String.join(",", groups)));
  }
}
