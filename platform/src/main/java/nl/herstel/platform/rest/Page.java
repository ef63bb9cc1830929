package nl.herstel.platform.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list answer: the items, a {@code next} link while more remain, and the total where
 * it is cheap to count. Every list endpoint pages with {@code limit} and an opaque {@code cursor}:
 * the cursor is the sort key of the last item given, so paging stays stable while rows are added.
 *
 * @param items the items of this page, in the list's order
 * @param next the URL of the next page, absent on the last page
 * @param total how many items the whole list holds, when it is cheap to count
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "One page of a list; follow `next` until it is absent.")
public record Page<T>(
    List<T> items,
    @Schema(description = "URL of the next page; absent on the last page") String next,
    @Schema(description = "how many items the whole list holds, where cheap to count") Long total) {

  /** Separates the parts of a sort key made by {@link #key}. */
  public static final char SEPARATOR = '\u001f';

  /** The default page size when a request gives no {@code limit}. */
  public static final int DEFAULT_LIMIT = 50;

  /** The largest page size a request may ask for. */
  public static final int MAX_LIMIT = 1000;

  /**
   * A page from {@code rows} fetched with {@code limit + 1}: the extra row only says that more
   * follow, and the cursor of the next page is the key of the last row given.
   */
  public static <T> Page<T> of(
      List<T> rows, int limit, Function<T, String> key, UriInfo uri, Long total) {
    if (rows.size() <= limit) {
      return new Page<>(List.copyOf(rows), null, total);
    }
    List<T> items = List.copyOf(rows.subList(0, limit));
    String cursor = encode(key.apply(items.get(limit - 1)));
    String next =
        uri.getRequestUriBuilder()
            .replaceQueryParam("cursor", cursor)
            .replaceQueryParam("limit", limit)
            .build()
            .toString();
    return new Page<>(items, next, total);
  }

  /**
   * The page size asked for, checked: 1 to {@link #MAX_LIMIT}, {@link #DEFAULT_LIMIT} if absent.
   */
  public static int limit(Integer requested) {
    if (requested == null) {
      return DEFAULT_LIMIT;
    }
    if (requested < 1 || requested > MAX_LIMIT) {
      throw new InvalidRequest(
          List.of(new Problem.FieldError("limit", "must be between 1 and " + MAX_LIMIT)));
    }
    return requested;
  }

  /** The sort key a cursor carries, or null for the first page; a forged cursor is a 400. */
  public static String after(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    String key;
    try {
      key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw badCursor();
    }
    if (!StorableText.storable(key)) {
      throw badCursor();
    }
    return key;
  }

  /** The sort key of an item made of several parts (a cursor names all of them). */
  public static String key(Object... parts) {
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        key.append(SEPARATOR);
      }
      key.append(parts[i] == null ? "" : parts[i]);
    }
    return key.toString();
  }

  /**
   * The parts of a sort key made by {@link #key}, converted by {@code parse} for the query side; a
   * key of another shape, or that {@code parse} refuses, is a 400 naming {@code cursor} (a forged
   * cursor never reaches the database).
   */
  public static <R> R parse(String after, int parts, Function<String[], R> parse) {
    String[] split = after.split(String.valueOf(SEPARATOR), -1);
    if (split.length != parts) {
      throw badCursor();
    }
    try {
      return parse.apply(split);
    } catch (RuntimeException e) {
      throw badCursor();
    }
  }

  /**
   * The rows after a cursor of a list the query side holds whole and unchanging (replayed as of a
   * past moment, or computed from the graph): its key is the position, {@code limit + 1} rows.
   */
  public static <T> List<T> window(List<T> all, String after, int limit) {
    int from = after == null ? 0 : parse(after, 1, p -> Integer.parseInt(p[0]));
    if (from < 0) {
      throw badCursor();
    }
    return all.subList(Math.min(from, all.size()), Math.min(from + limit + 1, all.size()));
  }

  /**
   * A page of a list answered by {@link #window}: the next cursor is the position after the last
   * item given.
   */
  public static <T> Page<T> ofWindow(
      List<T> rows, String after, int limit, UriInfo uri, Long total) {
    int from = after == null ? 0 : Integer.parseInt(after);
    return of(rows, limit, item -> Integer.toString(from + limit), uri, total);
  }

  /** A list small enough to give whole (a matrix, the cycles of a graph): one page, no next. */
  public static <T> Page<T> whole(List<T> items) {
    return new Page<>(List.copyOf(items), null, (long) items.size());
  }

  private static InvalidRequest badCursor() {
    return new InvalidRequest(
        List.of(new Problem.FieldError("cursor", "not a cursor of this list")));
  }

  private static String encode(String key) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }
}
