package dev.kubeclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kubeclient.core.codec.Codec;
import dev.kubeclient.core.meta.v1.ManagedFieldsEntry;
import org.junit.jupiter.api.Test;

class FieldsV1Test {
  private static final String ENTRY =
      "{\"manager\":\"kubectl\",\"operation\":\"Apply\",\"fieldsType\":\"FieldsV1\","
          + "\"fieldsV1\":{\"f:data\":{\"f:a\":{}},\"f:spec\":{\"f:containers\":"
          + "{\"k:{\\\"name\\\":\\\"web\\\"}\":{\".\":{},\"f:image\":{}}}}}}";

  @Test
  void decode_thenEncode_keepsTheSetExactly() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    ManagedFieldsEntry e = mapper.readValue(ENTRY, ManagedFieldsEntry.class);
    assertThat(e.getFieldsV1().json())
        .isEqualTo(
            "{\"f:data\":{\"f:a\":{}},\"f:spec\":{\"f:containers\":"
                + "{\"k:{\\\"name\\\":\\\"web\\\"}\":{\".\":{},\"f:image\":{}}}}}");
    assertThat(mapper.readTree(mapper.writeValueAsString(e))).isEqualTo(mapper.readTree(ENTRY));
  }

  @Test
  void encodeYaml_writesANestedObjectNotAString() throws Exception {
    ManagedFieldsEntry e = new ObjectMapper().readValue(ENTRY, ManagedFieldsEntry.class);
    String yaml = new YAMLMapper().writeValueAsString(e);
    assertThat(yaml).contains("f:data:").contains("f:image: {}");
    assertThat(new YAMLMapper().readValue(yaml, ManagedFieldsEntry.class)).isEqualTo(e);
  }

  @Test
  void toJsonNode_givesAFreshTreeEachTime() {
    FieldsV1 f = FieldsV1.parse("{\"f:a\":{}}");
    f.toJsonNode().withObject("/f:b");
    assertThat(f.toJsonNode().has("f:b")).isFalse();
    assertThat(f).isEqualTo(FieldsV1.parse("{ \"f:a\" : { } }"));
  }

  @Test
  void decode_notAnObject_failsNamingFieldsV1() {
    assertThatThrownBy(
            () -> new ObjectMapper().readValue("{\"fieldsV1\":[1,2]}", ManagedFieldsEntry.class))
        .hasMessageContaining("fieldsV1 must be a JSON object");
    assertThatThrownBy(() -> FieldsV1.parse("{\"f:a\":"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("fieldsV1 is not valid JSON at line 1");
  }

  @Test
  void decode_keysNeedingEscapes_andNonObjectValues_encodeBackExactly() throws Exception {
    String json =
        "{\"f:metadata\":{\"k:{\\\"name\\\":\\\"a\\\\\\\"b\\\\nc\\u0001\\\"}\":{\".\":{}},"
            + "\"f:list\":[1,-2.5,true,false,null,\"s\",{}],\"v:\\\"ü\\\"\":{}}}";
    FieldsV1 set = Codec.decode(json, FieldsV1.class);
    assertThat(set.json()).isEqualTo(Codec.json().readTree(json).toString());
    assertThat(set.toJsonNode()).isEqualTo(Codec.json().readTree(json));
  }

  @Test
  void decodeYaml_scalarsBecomeJson_andNumbersTakeTheGeneratorsForm() throws Exception {
    ManagedFieldsEntry entry =
        Codec.decodeYaml(
            "manager: m\nfieldsV1:\n  f:a: True\n  f:b: ~\n  f:c: 0x1F\n  f:d: {}\n",
            ManagedFieldsEntry.class);
    assertThat(entry.getFieldsV1().json())
        .isEqualTo("{\"f:a\":true,\"f:b\":null,\"f:c\":31,\"f:d\":{}}");
    assertThat(entry.getFieldsV1().toJsonNode().size()).isEqualTo(4);

    FieldsV1 numbers = Codec.decode("{\"a\":1E2,\"b\":1.50,\"c\":-0}", FieldsV1.class);
    assertThat(numbers.json())
        .isEqualTo(Codec.json().readTree("{\"a\":1E2,\"b\":1.50,\"c\":-0}").toString());
  }

  @Test
  void packed_isEqualToTheDecodedSet_andWritesTheSameJson() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    ManagedFieldsEntry e = mapper.readValue(ENTRY, ManagedFieldsEntry.class);
    FieldsV1 decoded = e.getFieldsV1();
    FieldsV1 packed = decoded.packed();
    assertThat(packed).isNotSameAs(decoded).isEqualTo(decoded);
    assertThat(decoded).isEqualTo(packed);
    assertThat(packed.hashCode()).isEqualTo(decoded.hashCode());
    assertThat(decoded.hashCode()).isEqualTo(decoded.json().hashCode());
    assertThat(packed.json()).isEqualTo(decoded.json());
    assertThat(packed.packed()).isSameAs(packed);
    assertThat(packed).isNotEqualTo(FieldsV1.parse("{\"f:data\":{}}").packed());
    e.setFieldsV1(packed);
    assertThat(mapper.readTree(mapper.writeValueAsString(e))).isEqualTo(mapper.readTree(ENTRY));
    assertThat(new YAMLMapper().writeValueAsString(e)).contains("f:image: {}");
  }

  @Test
  void packed_setNotInTheCompactForm_isTheSameSet() {
    FieldsV1 withScalars = FieldsV1.parse("{\"f:a\":[1,2]}");
    assertThat(withScalars.packed()).isSameAs(withScalars);
  }
}
