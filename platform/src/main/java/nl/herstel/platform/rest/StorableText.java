package nl.herstel.platform.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Refuses text that PostgreSQL cannot store: the NUL character ({@code \u0000}) is valid in a JSON
 * string but not in a PostgreSQL text value, so it would fail deep in a projection instead of at
 * the door. Every string of a request body, typed or read as a JSON tree (vendor payloads), is
 * checked as it is read, and the answer names the field.
 */
public final class StorableText {
  static final String MESSAGE = "must not contain the NUL character (U+0000)";

  private StorableText() {}

  /** The Jackson module that checks every string and every JSON tree a mapper reads. */
  public static SimpleModule module() {
    SimpleModule module = new SimpleModule("herstel-storable-text");
    module.addDeserializer(String.class, new Strings());
    module.addDeserializer(JsonNode.class, new Trees());
    return module;
  }

  /** Whether {@code text} can be stored as PostgreSQL text. */
  public static boolean storable(String text) {
    return text == null || text.indexOf('\u0000') < 0;
  }

  /** A request field holding text that cannot be stored; the field's path is added by Jackson. */
  public static final class Unstorable extends JsonMappingException {
    private final String inner;

    Unstorable(JsonParser parser, String inner) {
      super(parser, MESSAGE);
      this.inner = inner;
    }

    /** The path inside a JSON tree value where the text is, empty for a plain string. */
    public String inner() {
      return inner;
    }
  }

  private static final class Strings extends StdDeserializer<String> {
    Strings() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String text = StringDeserializer.instance.deserialize(parser, context);
      if (!storable(text)) {
        throw new Unstorable(parser, "");
      }
      return text;
    }
  }

  private static final class Trees extends StdDeserializer<JsonNode> {
    Trees() {
      super(JsonNode.class);
    }

    @Override
    public JsonNode deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      JsonNode tree =
          (JsonNode)
              JsonNodeDeserializer.getDeserializer(JsonNode.class).deserialize(parser, context);
      String bad = firstUnstorable(tree, "");
      if (bad != null) {
        throw new Unstorable(parser, bad);
      }
      return tree;
    }

    @Override
    public JsonNode getNullValue(DeserializationContext context) {
      return com.fasterxml.jackson.databind.node.NullNode.getInstance();
    }

    /** The path of the first text or name inside {@code node} that cannot be stored, or null. */
    private static String firstUnstorable(JsonNode node, String path) {
      if (node.getNodeType() == JsonNodeType.STRING) {
        return storable(node.textValue()) ? null : path;
      }
      if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          String bad = firstUnstorable(node.get(i), path + "[" + i + "]");
          if (bad != null) {
            return bad;
          }
        }
      } else if (node.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
          if (!storable(field.getKey())) {
            return path;
          }
          String bad = firstUnstorable(field.getValue(), child);
          if (bad != null) {
            return bad;
          }
        }
      }
      return null;
    }
  }
}
