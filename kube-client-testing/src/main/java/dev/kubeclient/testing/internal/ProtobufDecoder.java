package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Decodes the API server's protobuf bodies ({@code application/vnd.kubernetes.protobuf}: the {@code
 * k8s\0} magic and a {@code runtime.Unknown} envelope holding the type's apiVersion, kind and
 * encoded object) of built-in kinds into the JSON tree the same object has in JSON, as the API
 * server's protobuf serializer decodes into the Go types that are then written as JSON: a scalar
 * the Go type holds by value and marks omitempty is dropped when zero (the wire carries it always),
 * pointers keep their zero, times become RFC 3339, quantities and int-or-strings their JSON form,
 * raw extensions and fieldsV1 their embedded JSON. Stateless and thread-safe.
 */
final class ProtobufDecoder {
  private static final byte[] MAGIC = {'k', '8', 's', 0};
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final DateTimeFormatter MICRO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private ProtobufDecoder() {}

  /**
   * The object a protobuf request body holds, with its apiVersion and kind.
   *
   * @throws ApiError 400 for a body without the envelope or with a malformed message, 415 for a
   *     kind this server has no protobuf encoding of
   */
  static ObjectNode decode(byte[] body) {
    if (body.length < MAGIC.length
        || body[0] != MAGIC[0]
        || body[1] != MAGIC[1]
        || body[2] != MAGIC[2]
        || body[3] != MAGIC[3]) {
      throw ApiError.badRequest(
          "provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]");
    }
    try {
      Reader envelope = new Reader(body, MAGIC.length, body.length);
      String apiVersion = "";
      String kind = "";
      byte[] raw = new byte[0];
      while (envelope.more()) {
        long key = envelope.varint();
        int number = (int) (key >>> 3);
        if (number == 1 && (key & 7) == 2) {
          Reader typeMeta = envelope.nested();
          while (typeMeta.more()) {
            long k = typeMeta.varint();
            if (k >>> 3 == 1 && (k & 7) == 2) {
              apiVersion = typeMeta.string();
            } else if (k >>> 3 == 2 && (k & 7) == 2) {
              kind = typeMeta.string();
            } else {
              typeMeta.skip((int) (k & 7));
            }
          }
        } else if (number == 2 && (key & 7) == 2) {
          raw = envelope.bytes();
        } else {
          envelope.skip((int) (key & 7));
        }
      }
      int slash = apiVersion.indexOf('/');
      String group = slash < 0 ? "" : apiVersion.substring(0, slash);
      String version = apiVersion.substring(slash + 1);
      String definition = BuiltinSchemas.get().definitionOf(group, version, kind);
      if (definition == null || !ProtoFields.get().knows(definition)) {
        throw ApiError.unsupportedMediaType(
            "application/vnd.kubernetes.protobuf", List.of("application/json", "application/yaml"));
      }
      ObjectNode object = NODES.objectNode();
      object.put("kind", kind);
      object.put("apiVersion", apiVersion);
      object.setAll(message(new Reader(raw, 0, raw.length), definition));
      return object;
    } catch (IndexOutOfBoundsException | IllegalStateException e) {
      throw ApiError.badRequest("unable to decode the protobuf body: " + e.getMessage());
    }
  }

  /** One message of {@code definition}; unknown field numbers are skipped as Go skips them. */
  private static ObjectNode message(Reader in, String definition) {
    Map<Integer, ProtoFields.Field> fields = ProtoFields.get().fields(definition);
    ObjectNode out = NODES.objectNode();
    while (in.more()) {
      long key = in.varint();
      int wire = (int) (key & 7);
      ProtoFields.Field f = fields.get((int) (key >>> 3));
      if (f == null) {
        in.skip(wire);
        continue;
      }
      switch (f.container()) {
        case SINGLE -> {
          JsonNode value = value(in, wire, f.kind(), f.ref());
          if (f.inline() && value instanceof ObjectNode inline) {
            out.setAll(inline);
          } else {
            out.set(f.json(), value);
          }
        }
        case REPEATED -> {
          ArrayNode array =
              out.has(f.json()) ? (ArrayNode) out.get(f.json()) : out.putArray(f.json());
          if (wire == 2 && isPackable(f.kind())) {
            Reader packed = in.nested();
            while (packed.more()) {
              array.add(value(packed, f.kind().equals("double") ? 1 : 0, f.kind(), f.ref()));
            }
          } else {
            array.add(value(in, wire, f.kind(), f.ref()));
          }
        }
        case MAP -> {
          ObjectNode map =
              out.has(f.json()) ? (ObjectNode) out.get(f.json()) : out.putObject(f.json());
          Reader entry = in.nested();
          String k = "";
          JsonNode v = null;
          while (entry.more()) {
            long ek = entry.varint();
            if (ek >>> 3 == 1) {
              k = entry.string();
            } else if (ek >>> 3 == 2) {
              v = value(entry, (int) (ek & 7), f.kind(), f.ref());
            } else {
              entry.skip((int) (ek & 7));
            }
          }
          map.set(k, v != null ? v : zero(f.kind()));
        }
      }
    }
    for (ProtoFields.Field f : fields.values()) {
      JsonNode v = out.get(f.json());
      if (v == null || f.pointer() || f.container() != ProtoFields.Container.SINGLE) {
        continue;
      }
      boolean scalarZero = isZero(v, f.kind());
      // omitzero also drops zero structs and times, which omitempty keeps.
      if ((f.omitEmpty() && scalarZero)
          || (f.omitZero() && (scalarZero || v.isNull() || (v.isObject() && v.isEmpty())))) {
        out.remove(f.json());
      }
    }
    return out;
  }

  private static boolean isPackable(String kind) {
    return kind.equals("int")
        || kind.equals("uint")
        || kind.equals("bool")
        || kind.equals("double");
  }

  private static boolean isZero(JsonNode v, String kind) {
    return switch (kind) {
      case "string", "bytes" -> v.asText().isEmpty();
      case "int", "uint", "double" -> v.isNumber() && v.asDouble() == 0;
      case "bool" -> !v.asBoolean();
      default -> false;
    };
  }

  private static JsonNode zero(String kind) {
    return switch (kind) {
      case "string", "bytes", "quantity" -> NODES.textNode("");
      case "int", "uint", "double" -> NODES.numberNode(0);
      case "bool" -> NODES.booleanNode(false);
      case "items" -> NODES.arrayNode();
      case "msg" -> NODES.objectNode();
      default -> NODES.nullNode();
    };
  }

  private static JsonNode value(Reader in, int wire, String kind, String ref) {
    switch (kind) {
      case "string":
        return NODES.textNode(in.string());
      case "bytes":
        return NODES.textNode(Base64.getEncoder().encodeToString(in.bytes()));
      case "bool":
        return NODES.booleanNode(in.varint() != 0);
      case "int":
        return NODES.numberNode(in.varint());
      case "uint":
        long u = in.varint();
        return u >= 0
            ? NODES.numberNode(u)
            : NODES.numberNode(new BigInteger(Long.toUnsignedString(u)));
      case "double":
        return NODES.numberNode(
            wire == 5 ? Float.intBitsToFloat(in.fixed32()) : Double.longBitsToDouble(in.fixed64()));
      case "msg":
        return message(in.nested(), ref);
      case "items":
        {
          ArrayNode items = NODES.arrayNode();
          Reader r = in.nested();
          while (r.more()) {
            long k = r.varint();
            items.add(value(r, (int) (k & 7), ref, "-"));
          }
          return items;
        }
      default:
        return special(in.nested(), kind);
    }
  }

  /** The types whose JSON form is not their message's fields. */
  private static JsonNode special(Reader in, String kind) {
    long seconds = 0;
    long nanos = 0;
    long type = 0;
    long intVal = 0;
    String text = "";
    byte[] raw = null;
    while (in.more()) {
      long key = in.varint();
      int number = (int) (key >>> 3);
      int wire = (int) (key & 7);
      if (wire == 0) {
        long v = in.varint();
        if (number == 1) {
          seconds = v;
          type = v;
        } else if (number == 2) {
          nanos = v;
          intVal = v;
        }
      } else if (wire == 2) {
        byte[] b = in.bytes();
        if (number == 1) {
          raw = b;
          text = new String(b, StandardCharsets.UTF_8);
        } else if (number == 3) {
          text = new String(b, StandardCharsets.UTF_8);
        }
      } else {
        in.skip(wire);
      }
    }
    return switch (kind) {
      case "time" ->
          seconds == 0 && nanos == 0
              ? NODES.nullNode()
              : NODES.textNode(SECONDS.format(Instant.ofEpochSecond(seconds)));
      case "microtime" ->
          seconds == 0 && nanos == 0
              ? NODES.nullNode()
              : NODES.textNode(MICRO.format(Instant.ofEpochSecond(seconds, nanos)));
      case "duration" -> NODES.textNode(GoFormat.duration(seconds));
      case "quantity" -> NODES.textNode(text);
      case "intorstring" -> type == 1 ? NODES.textNode(text) : NODES.numberNode((int) intVal);
      default -> raw == null || raw.length == 0 ? NODES.nullNode() : json(raw);
    };
  }

  private static JsonNode json(byte[] raw) {
    try {
      return Json.MAPPER.readTree(raw);
    } catch (IOException e) {
      throw ApiError.badRequest("unable to decode an embedded object: " + e.getMessage());
    }
  }

  /** A bounded view of a protobuf byte array. */
  private static final class Reader {
    private final byte[] data;
    private int pos;
    private final int limit;

    Reader(byte[] data, int pos, int limit) {
      this.data = data;
      this.pos = pos;
      this.limit = limit;
    }

    boolean more() {
      return pos < limit;
    }

    long varint() {
      long result = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= limit) {
          throw new IllegalStateException("truncated varint");
        }
        byte b = data[pos++];
        result |= (long) (b & 0x7f) << shift;
        if (b >= 0) {
          return result;
        }
      }
      throw new IllegalStateException("varint longer than 10 bytes");
    }

    long fixed64() {
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v |= (long) (data[check(pos++)] & 0xff) << (8 * i);
      }
      return v;
    }

    int fixed32() {
      int v = 0;
      for (int i = 0; i < 4; i++) {
        v |= (data[check(pos++)] & 0xff) << (8 * i);
      }
      return v;
    }

    private int check(int at) {
      if (at >= limit) {
        throw new IllegalStateException("truncated fixed-size value");
      }
      return at;
    }

    Reader nested() {
      int length = (int) varint();
      if (length < 0 || length > limit - pos) {
        throw new IllegalStateException("length " + length + " past the end of the message");
      }
      Reader r = new Reader(data, pos, pos + length);
      pos += length;
      return r;
    }

    byte[] bytes() {
      Reader r = nested();
      byte[] b = new byte[r.limit - r.pos];
      System.arraycopy(data, r.pos, b, 0, b.length);
      return b;
    }

    String string() {
      return new String(bytes(), StandardCharsets.UTF_8);
    }

    void skip(int wire) {
      switch (wire) {
        case 0 -> varint();
        case 1 -> pos = check(pos + 7) + 1;
        case 2 -> nested();
        case 5 -> pos = check(pos + 3) + 1;
        default -> throw new IllegalStateException("unsupported wire type " + wire);
      }
    }
  }
}
