package nl.herstel.platform.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import nl.herstel.platform.rest.Problem.FieldError;
import nl.herstel.platform.rest.Problem.Kind;

/**
 * Refuses what an endpoint would otherwise take by accident, before it runs: a body without a
 * concrete media type ({@code Content-Type} missing or {@code *}{@code /*}: 415, so raw text is
 * never read as a field), a query parameter the endpoint does not know (400 naming it, so a typo in
 * a filter is not silently ignored), and path or query values that PostgreSQL cannot store (the NUL
 * character: 400 naming the parameter).
 */
@Provider
@Priority(Priorities.USER - 100)
public class RequestHygiene implements ContainerRequestFilter {
  private static final Map<Method, Set<String>> KNOWN_PARAMETERS = new ConcurrentHashMap<>();

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.hasEntity() && !concrete(request.getMediaType())) {
      request.abortWith(
          Problem.of(
                  Kind.UNSUPPORTED_MEDIA_TYPE,
                  "Send the body with a Content-Type such as application/json",
                  PublicUris.path(request.getUriInfo()))
              .toResponse());
      return;
    }
    Method method = resource == null ? null : resource.getResourceMethod();
    Class<?> type = method == null ? null : declared(resource.getResourceClass());
    if (type != null && type.isAnnotationPresent(AnyQueryParameters.class)) {
      return;
    }
    MultivaluedMap<String, String> query;
    MultivaluedMap<String, String> path;
    try {
      query = request.getUriInfo().getQueryParameters();
      path = request.getUriInfo().getPathParameters();
    } catch (IllegalArgumentException e) {
      request.abortWith(
          Problem.of(
                  Kind.MALFORMED,
                  "The request URI has characters that must be percent-encoded",
                  PublicUris.path(request.getUriInfo()))
              .toResponse());
      return;
    }
    List<FieldError> errors = new ArrayList<>();
    if (method != null) {
      Set<String> known = KNOWN_PARAMETERS.computeIfAbsent(method, m -> queryParameters(type, m));
      for (String name : new TreeSet<>(query.keySet())) {
        if (!known.contains(name)) {
          errors.add(
              new FieldError(
                  storableName(name),
                  known.isEmpty()
                      ? "is not a parameter of this endpoint (it takes none)"
                      : "is not a parameter of this endpoint; known: "
                          + String.join(", ", new TreeSet<>(known))));
        }
      }
    }
    check(query, errors);
    check(path, errors);
    if (!errors.isEmpty()) {
      request.abortWith(
          Problem.validation(
                  "One or more parameters are not valid",
                  PublicUris.path(request.getUriInfo()),
                  errors)
              .toResponse());
    }
  }

  private static boolean concrete(MediaType type) {
    return type != null && !type.isWildcardType() && !type.isWildcardSubtype();
  }

  private static void check(MultivaluedMap<String, String> values, List<FieldError> errors) {
    for (Map.Entry<String, List<String>> entry : values.entrySet()) {
      for (String value : entry.getValue()) {
        if (!StorableText.storable(value)) {
          errors.add(new FieldError(storableName(entry.getKey()), StorableText.MESSAGE));
          break;
        }
      }
    }
  }

  private static String storableName(String name) {
    return StorableText.storable(name) ? name : name.replace('\u0000', '?');
  }

  /** The class as written, not the subclass or proxy a container made of it. */
  private static Class<?> declared(Class<?> type) {
    Class<?> current = type;
    while (current != null
        && current.getSuperclass() != null
        && (current.isSynthetic()
            || current.getName().contains("$Proxy$")
            || current.getName().contains("$$"))) {
      current = current.getSuperclass();
    }
    return current;
  }

  /** The names of the query parameters the resource method and its class declare. */
  private static Set<String> queryParameters(Class<?> type, Method invoked) {
    Method method = invoked;
    try {
      method = type.getMethod(invoked.getName(), invoked.getParameterTypes());
    } catch (NoSuchMethodException e) {
      // Not public on the declared class: the invoked method's own annotations are all there is.
    }
    Set<String> names = new HashSet<>();
    for (Annotation[] annotations : method.getParameterAnnotations()) {
      for (Annotation annotation : annotations) {
        if (annotation instanceof QueryParam query) {
          names.add(query.value());
        }
      }
    }
    for (Class<?> owner = type; owner != null; owner = owner.getSuperclass()) {
      for (Field field : owner.getDeclaredFields()) {
        QueryParam query = field.getAnnotation(QueryParam.class);
        if (query != null) {
          names.add(query.value());
        }
      }
    }
    return Set.copyOf(names);
  }
}
