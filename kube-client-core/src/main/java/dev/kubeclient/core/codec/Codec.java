package dev.kubeclient.core.codec;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.kubeclient.core.internal.Base64StringSerializer;
import dev.kubeclient.core.internal.KubeJsonFactory;
import dev.kubeclient.core.internal.YamlQuoting;
import dev.kubeclient.core.runtime.Scheme;
import dev.kubeclient.core.unstructured.Unstructured;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * JSON and YAML with the Kubernetes API's conventions: null fields are omitted, unknown fields are
 * ignored by the mapper (models keep them themselves where they care), times are strings, and
 * numbers in YAML that are strings in the model stay quoted. YAML output is read back identically
 * by Go's {@code sigs.k8s.io/yaml} (so by kubectl) and by YAML 1.2 readers: every string that one
 * of them would resolve to something else ({@code yes}, {@code off}, {@code ~}, {@code 0o17},
 * {@code 0x1F}, {@code 1e3}, dates, {@code <<}, {@code =}, ...) is quoted, in keys too, and {@code
 * byte[]} is a plain base64 string, not {@code !!binary}. Together with the self-describing value
 * types of {@code dev.kubeclient.core} this reproduces the API server's JSON.
 *
 * <p>Decoding from an {@link InputStream} or {@link Reader} streams; the stream is not closed (the
 * caller owns it). Malformed input raises {@link DecodeException} naming the document, line, column
 * and field path. IO failures of the stream raise {@link UncheckedIOException}.
 *
 * <p>The mappers are shared and thread-safe; they must not be reconfigured (use {@code copy()} for
 * a variant). All methods are thread-safe.
 */
public final class Codec {
  // Field names are still canonicalized per factory; interning them in the JVM's string table
  // as well only costs, since the keys of managedFields sets (k:{"ip":...}) are mostly unique.
  private static final JsonMapper JSON =
      configure(
              JsonMapper.builder(
                  new KubeJsonFactory(
                      new com.fasterxml.jackson.core.JsonFactoryBuilder()
                          .disable(
                              com.fasterxml.jackson.core.JsonFactory.Feature.INTERN_FIELD_NAMES))))
          .build();
  // Strings any YAML 1.1 or 1.2 reader could take for something else are quoted; byte[] is a
  // plain base64 string, as Go writes it, not a !!binary node that Go's sigs.k8s.io/yaml rejects.
  private static final YAMLMapper YAML =
      configure(
              YAMLMapper.builder(
                  YAMLFactory.builder()
                      .stringQuotingChecker(new YamlQuoting())
                      // The factory's own default, which its builder does not share.
                      .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                      .build()))
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
          .disable(YAMLGenerator.Feature.SPLIT_LINES)
          .addModule(
              new SimpleModule("base64-bytes")
                  .addSerializer(byte[].class, new Base64StringSerializer()))
          .build();
  // Reads one document at a time from a stream, so what follows a document is not an error.
  private static final ObjectReader YAML_DOCUMENT_READER =
      YAML.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Codec() {}

  private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B configure(B builder) {
    return builder
        .defaultPropertyInclusion(
            // Null properties are omitted, but nulls inside maps are kept: in a merge patch
            // or an Unstructured object they carry meaning.
            JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
        .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  }

  /** The shared JSON mapper. */
  public static ObjectMapper json() {
    return JSON;
  }

  /** The shared YAML mapper (single documents; see {@link #decodeYamlAll} for streams). */
  public static ObjectMapper yaml() {
    return YAML;
  }

  /** Decodes one JSON value of {@code type} from {@code json}, streaming. */
  public static <T> T decode(InputStream json, Class<T> type) {
    checkNotNull(json, "json");
    checkNotNull(type, "type");
    return reading("JSON", type, () -> JSON.readValue(json, type));
  }

  /** Decodes one JSON value of {@code type}. */
  public static <T> T decode(byte[] json, Class<T> type) {
    checkNotNull(json, "json");
    checkNotNull(type, "type");
    return reading("JSON", type, () -> JSON.readValue(json, type));
  }

  /** Decodes one JSON value of {@code type}. */
  public static <T> T decode(String json, Class<T> type) {
    checkNotNull(json, "json");
    return decode(new StringReader(json), JSON, "JSON", type);
  }

  /** Decodes a single YAML document of {@code type}. */
  public static <T> T decodeYaml(String yaml, Class<T> type) {
    checkNotNull(yaml, "yaml");
    return decode(new StringReader(yaml), YAML, "YAML", type);
  }

  /** Decodes a single YAML document of {@code type}, streaming. */
  public static <T> T decodeYaml(Reader yaml, Class<T> type) {
    checkNotNull(yaml, "yaml");
    return decode(yaml, YAML, "YAML", type);
  }

  private static <T> T decode(Reader reader, ObjectMapper mapper, String format, Class<T> type) {
    checkNotNull(type, "type");
    return reading(format, type, () -> mapper.readValue(reader, type));
  }

  /** One read from a stream or buffer, which fails with Jackson's or the stream's exceptions. */
  private interface Read<T> {
    T read() throws IOException;
  }

  private static <T> T reading(String format, Class<?> type, Read<T> read) {
    try {
      return read.read();
    } catch (JsonProcessingException e) {
      throw wrap(e, format, type, -1, -1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Encodes {@code value} as compact JSON. */
  public static byte[] encode(Object value) {
    checkNotNull(value, "value");
    try {
      return JSON.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode " + value.getClass().getName(), e);
    }
  }

  /** Encodes {@code value} as compact JSON text. */
  public static String encodeToString(Object value) {
    checkNotNull(value, "value");
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode " + value.getClass().getName(), e);
    }
  }

  /** Encodes {@code value} as JSON onto {@code out}, streaming; {@code out} is not closed. */
  public static void encode(Object value, OutputStream out) {
    checkNotNull(value, "value");
    checkNotNull(out, "out");
    try {
      JSON.writeValue(out, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Encodes {@code value} as one YAML document without a leading {@code ---}. */
  public static String encodeYaml(Object value) {
    checkNotNull(value, "value");
    try {
      return YAML.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode " + value.getClass().getName(), e);
    }
  }

  /** Encodes {@code values} as a YAML stream, documents separated by {@code ---}. */
  public static String encodeYamlAll(List<?> values) {
    checkNotNull(values, "values");
    StringBuilder b = new StringBuilder();
    for (Object v : values) {
      if (b.length() > 0) {
        b.append("---\n");
      }
      b.append(encodeYaml(v));
    }
    return b.toString();
  }

  /**
   * Decodes one JSON object into the class {@code scheme} registers for its apiVersion and kind, or
   * into {@link Unstructured} when none is registered.
   */
  public static Object decodeObject(InputStream json, Scheme scheme) {
    checkNotNull(json, "json");
    checkNotNull(scheme, "scheme");
    JsonNode node = reading("JSON", Object.class, () -> JSON.readTree(json));
    return toObject(node, scheme, -1, 1);
  }

  /** {@link #decodeYamlAll(Reader, Scheme)} of a string. */
  public static List<Object> decodeYamlAll(String yaml, Scheme scheme) {
    checkNotNull(yaml, "yaml");
    return decodeYamlAll(new StringReader(yaml), scheme);
  }

  /**
   * Decodes a YAML stream ({@code ---}-separated documents, as {@code kubectl apply -f} reads) into
   * objects of the classes {@code scheme} registers, {@link Unstructured} for other kinds. Empty
   * documents and documents holding only comments are skipped; JSON documents are YAML too.
   *
   * @throws DecodeException naming the zero-based document index, line and column, for malformed
   *     YAML, a document that is not an object, one without apiVersion or kind, or one that does
   *     not fit its registered class
   */
  public static List<Object> decodeYamlAll(Reader yaml, Scheme scheme) {
    checkNotNull(yaml, "yaml");
    checkNotNull(scheme, "scheme");
    List<Object> result = new ArrayList<>();
    int index = 0;
    int startLine = 1;
    try (JsonParser p = YAML.createParser(yaml)) {
      while (true) {
        JsonToken t = p.nextToken();
        if (t == null) {
          return result;
        }
        startLine = p.currentTokenLocation().getLineNr();
        JsonNode node = YAML_DOCUMENT_READER.readTree(p);
        if (node != null && !node.isNull() && !node.isMissingNode()) {
          result.add(toObject(node, scheme, index, startLine));
        }
        index++;
      }
    } catch (JsonProcessingException e) {
      throw wrap(e, "YAML", Object.class, index, startLine);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object toObject(JsonNode node, Scheme scheme, int index, int startLine) {
    if (!(node instanceof ObjectNode object)) {
      throw new DecodeException(
          where(index, startLine) + "expected an object, found " + node.getNodeType(),
          index,
          startLine,
          -1,
          null);
    }
    String apiVersion = object.path("apiVersion").asText("");
    String kind = object.path("kind").asText("");
    if (apiVersion.isEmpty() || kind.isEmpty()) {
      throw new DecodeException(
          where(index, startLine) + "object has no " + (kind.isEmpty() ? "kind" : "apiVersion"),
          index,
          startLine,
          -1,
          null);
    }
    Class<?> type;
    try {
      type = scheme.lookup(apiVersion, kind);
    } catch (IllegalArgumentException e) {
      throw new DecodeException(where(index, startLine) + e.getMessage(), index, startLine, -1, e);
    }
    try {
      if (type == null) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = JSON.treeToValue(object, Map.class);
        return new Unstructured(map);
      }
      return JSON.treeToValue(object, type);
    } catch (JsonProcessingException e) {
      throw wrap(e, apiVersion + " " + kind, type == null ? Map.class : type, index, startLine);
    }
  }

  private static String where(int index, int startLine) {
    return index < 0 ? "" : "document " + index + " (line " + startLine + "): ";
  }

  private static DecodeException wrap(
      JsonProcessingException e, String format, Class<?> type, int index, int startLine) {
    JsonLocation loc = e.getLocation();
    int line = loc == null ? -1 : loc.getLineNr();
    int column = loc == null ? -1 : loc.getColumnNr();
    StringBuilder b = new StringBuilder(where(index, line > 0 ? line : startLine));
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      b.append("cannot decode ").append(format).append(" into ").append(type.getSimpleName());
      b.append(" at field ").append(path(m.getPath()));
    } else {
      b.append("malformed ").append(format);
    }
    if (line > 0) {
      b.append(" at line ").append(line).append(", column ").append(column);
    }
    String original = withoutQuotedInput(e.getOriginalMessage());
    if (!original.isEmpty()) {
      b.append(": ")
          .append(original.length() > 200 ? original.substring(0, 200) + "..." : original);
    }
    return new DecodeException(b.toString(), index, line, column, e);
  }

  /**
   * The parser's message without the input it quotes: YAML errors quote the offending line (and a
   * caret under it) on indented lines of their own, and that line may hold Secret data.
   */
  private static String withoutQuotedInput(@Nullable String message) {
    if (message == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (String line : message.split("\\r?\\n")) {
      if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
        if (b.length() > 0) {
          b.append("; ");
        }
        b.append(line.strip());
      }
    }
    return b.toString();
  }

  private static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : refs) {
      if (r.getFieldName() != null) {
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }
}
