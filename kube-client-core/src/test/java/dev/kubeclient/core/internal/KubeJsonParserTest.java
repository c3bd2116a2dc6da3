package dev.kubeclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.kubeclient.core.FieldsV1;
import dev.kubeclient.core.codec.Codec;
import dev.kubeclient.core.codec.DecodeException;
import dev.kubeclient.core.meta.v1.ManagedFieldsEntry;
import dev.kubeclient.core.meta.v1.ObjectMeta;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubeJsonParserTest {
  private static final JsonFactory FACTORY = Codec.json().getFactory();

  private static final String SET =
      "{\"f:metadata\":{\"f:labels\":{\".\":{},\"f:app\":{}}},\"f:spec\":{\"f:containers\":"
          + "{\"k:{\\\"name\\\":\\\"web\\\"}\":{\".\":{},\"f:image\":{}},\"k:{\\\"x\\\\\\\\y\\\"}\":{}}}}";

  private static JsonParser parser(String json) throws IOException {
    return FACTORY.createParser(json.getBytes(StandardCharsets.UTF_8));
  }

  /** The text the tokenizing way makes of the same object, from a parser that cannot copy. */
  private static String tokenized(String json) throws IOException {
    try (JsonParser p = new JsonFactory().createParser(json)) {
      p.nextToken();
      return FieldsV1.read(p).json();
    }
  }

  @Test
  void copyCompactObject_compactSet_keepsItsTextAndEndsOnTheObjectsEnd() throws Exception {
    try (JsonParser p = parser("{\"a\":" + SET + ",\"b\":1}")) {
      assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      assertThat(p.nextFieldName()).isEqualTo("a");
      assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      assertThat(p).isInstanceOf(KubeJsonParser.class);
      assertThat(FieldSets.text(((KubeJsonParser) p).copyCompactObject()))
          .isEqualTo(SET)
          .isEqualTo(tokenized(SET));
      assertThat(p.currentToken()).isEqualTo(JsonToken.END_OBJECT);
      assertThat(p.nextFieldName()).isEqualTo("b");
      assertThat(p.nextToken()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
      assertThat(p.nextToken()).isEqualTo(JsonToken.END_OBJECT);
      assertThat(p.nextToken()).isNull();
    }
  }

  @Test
  void copyCompactObject_anythingButCompactObjects_returnsNullAndMovesNothing() throws Exception {
    for (String json :
        List.of(
            "{ \"f:a\":{}}",
            "{\"f:a\":{} }",
            "{\"f:a\":[]}",
            "{\"f:a\":1}",
            "{\"f:\\u0061\":{}}",
            "{\"f:\\/\":{}}",
            "{\"f:ü\":{}}",
            "{\"f:a\":{}",
            "{\"f:a\"{}}",
            "{\"f:a\":{},}",
            "{,\"f:a\":{}}")) {
      try (JsonParser p = parser(json);
          JsonParser plain = new JsonFactory().createParser(json)) {
        p.nextToken();
        plain.nextToken();
        assertThat(((KubeJsonParser) p).copyCompactObject()).as(json).isNull();
        assertThat(p.currentToken()).as(json).isEqualTo(JsonToken.START_OBJECT);
        assertThat(rest(p)).as(json).isEqualTo(rest(plain));
      }
    }
  }

  /** The tokens that follow, ending in the failure's message if the input is malformed. */
  private static List<String> rest(JsonParser p) {
    List<String> tokens = new java.util.ArrayList<>();
    try {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        tokens.add(t + " " + p.getText());
      }
    } catch (IOException e) {
      tokens.add(e.getClass().getSimpleName());
    }
    return tokens;
  }

  @Test
  void decodeFieldsV1_inputTheFastWayRejects_givesTheSameTextAsTokenizing() throws Exception {
    for (String json :
        List.of(SET, "{ \"f:a\" : { } }", "{\"f:\\u0061\":{},\"v:\\\"ü\\\"\":{}}", "{}")) {
      assertThat(Codec.decode(json, FieldsV1.class).json()).as(json).isEqualTo(tokenized(json));
    }
  }

  @Test
  void decodeFieldsV1_malformedSet_stillFailsAsMalformed() {
    String entry = "{\"manager\":\"m\",\"fieldsV1\":{\"f:a\":{}";
    assertThatThrownBy(() -> Codec.decode(entry, ManagedFieldsEntry.class))
        .isInstanceOf(DecodeException.class);
  }

  @Test
  void decodeStream_setsStraddlingEveryRefill_decodeAsFromBytes() throws Exception {
    StringBuilder json = new StringBuilder("{\"name\":\"n\",\"managedFields\":[");
    for (int i = 0; i < 400; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"manager\":\"m")
          .append(i)
          .append("\",\"fieldsV1\":");
      json.append(SET.replace("f:app", "f:app" + i)).append('}');
    }
    json.append("]}");
    byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
    ObjectMeta fromBytes = Codec.decode(bytes, ObjectMeta.class);
    // A stream that hands out a few bytes per read makes sets begin and end on refills.
    InputStream trickle =
        new ByteArrayInputStream(bytes) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 97));
          }
        };
    ObjectMeta fromStream = Codec.decode(trickle, ObjectMeta.class);
    assertThat(fromStream).isEqualTo(fromBytes);
    assertThat(fromBytes.getManagedFields()).hasSize(400);
    assertThat(fromBytes.getManagedFields().get(399).getFieldsV1().json())
        .isEqualTo(tokenized(SET.replace("f:app", "f:app399")));
  }

  @Test
  void copyCompactObject_setStraddlingRefills_isCopiedWhole() throws Exception {
    String json = "{\"a\":" + SET + ",\"b\":" + SET + ",\"c\":1}";
    // Every read hands out 7 bytes, as a socket's reads end anywhere: each set spans many refills.
    InputStream trickle =
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 7));
          }
        };
    try (JsonParser p = FACTORY.createParser(trickle)) {
      assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      for (String name : List.of("a", "b")) {
        assertThat(p.nextFieldName()).isEqualTo(name);
        assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
        assertThat(FieldSets.text(((KubeJsonParser) p).copyCompactObject())).isEqualTo(SET);
        assertThat(p.currentToken()).isEqualTo(JsonToken.END_OBJECT);
      }
      assertThat(p.nextFieldName()).isEqualTo("c");
      assertThat(p.nextToken()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
      // Locations stay true across the moved bytes: the number's is where the input has it.
      assertThat(p.getTokenLocation().getByteOffset()).isEqualTo(json.lastIndexOf('1'));
      assertThat(p.nextToken()).isEqualTo(JsonToken.END_OBJECT);
      assertThat(p.nextToken()).isNull();
    }
  }

  @Test
  void copyCompactObject_inputEndsInsideTheSet_returnsNullAndFailsAsMalformed() throws Exception {
    String json = "{\"a\":" + SET.substring(0, SET.length() - 3);
    InputStream trickle =
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 7));
          }
        };
    try (JsonParser p = FACTORY.createParser(trickle);
        JsonParser plain = new JsonFactory().createParser(json)) {
      for (JsonParser each : List.of(p, plain)) {
        each.nextToken();
        each.nextFieldName();
        each.nextToken();
      }
      assertThat(((KubeJsonParser) p).copyCompactObject()).isNull();
      assertThat(p.currentToken()).isEqualTo(JsonToken.START_OBJECT);
      List<String> tokens = rest(p);
      assertThat(tokens).isEqualTo(rest(plain)).last().asString().endsWith("Exception");
    }
  }

  @Test
  void createParser_utf16AndByteOrderMarks_decodeAsJacksonDoes() throws Exception {
    String json = "{\"name\":\"n\",\"managedFields\":[{\"fieldsV1\":" + SET + "}]}";
    ObjectMeta expected = Codec.decode(json, ObjectMeta.class);
    byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
    byte[] bom = new byte[utf8.length + 3];
    bom[0] = (byte) 0xef;
    bom[1] = (byte) 0xbb;
    bom[2] = (byte) 0xbf;
    System.arraycopy(utf8, 0, bom, 3, utf8.length);
    assertThat(Codec.decode(bom, ObjectMeta.class)).isEqualTo(expected);
    assertThat(Codec.decode(new ByteArrayInputStream(bom), ObjectMeta.class)).isEqualTo(expected);
    byte[] utf16 = json.getBytes(StandardCharsets.UTF_16BE);
    assertThat(Codec.decode(utf16, ObjectMeta.class)).isEqualTo(expected);
    assertThat(Codec.decode(new ByteArrayInputStream(utf16), ObjectMeta.class)).isEqualTo(expected);
  }
}
