package nl.herstel.platform.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * Hands our strict, ISO-8601 mapper to whichever Jackson provider the JAX-RS runtime picks: Open
 * Liberty's own may win over {@link JsonProvider}, and it asks this resolver for its mapper.
 */
@Provider
public class ObjectMapperResolver implements ContextResolver<ObjectMapper> {
  @Override
  public ObjectMapper getContext(Class<?> type) {
    return JsonProvider.MAPPER;
  }
}
