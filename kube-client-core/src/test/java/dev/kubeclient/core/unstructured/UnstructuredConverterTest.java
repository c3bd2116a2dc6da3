package dev.kubeclient.core.unstructured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeclient.core.codec.Codec;
import dev.kubeclient.core.codec.DecodeException;
import dev.kubeclient.core.meta.v1.Status;
import dev.kubeclient.core.meta.v1.StatusDetails;
import dev.kubeclient.core.runtime.Scheme;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Conversions between models and {@link Unstructured} through the codec. */
class UnstructuredConverterTest {
  private static final String STATUS =
      "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
          + "\"message\":\"not found\",\"reason\":\"NotFound\",\"details\":{\"name\":\"x\","
          + "\"kind\":\"pods\",\"futureField\":{\"a\":1}},\"code\":404}";

  /** Scenario of apimachinery's {@code TestObjectToUnstructuredConversion}. */
  @Test
  void toUnstructured_model_givesItsJsonForm() {
    Status status = Codec.decode(STATUS, Status.class);
    Unstructured u = UnstructuredConverter.toUnstructured(status);
    assertThat(u.getKind()).isEqualTo("Status");
    assertThat(u.getNestedLong("code")).hasValue(404);
    assertThat(u.getNestedLong("details", "futureField", "a")).hasValue(1);
    JsonNode tree = Codec.json().valueToTree(u);
    assertThat(tree).isEqualTo(Codec.decode(STATUS, JsonNode.class));
  }

  /** Scenario of apimachinery's {@code TestUnstructuredToObjectConversion}. */
  @Test
  void fromUnstructured_toClassAndThroughTheScheme_keepsUnknownFields() {
    Unstructured u = Codec.decode(STATUS, Unstructured.class);
    Status status = UnstructuredConverter.fromUnstructured(u, Status.class);
    assertThat(status.getDetails().getName()).isEqualTo("x");
    assertThat(status.getCode()).isEqualTo(404);
    Object viaScheme = UnstructuredConverter.fromUnstructured(u, Scheme.defaultScheme());
    assertThat(viaScheme).isInstanceOf(Status.class).isEqualTo(status);
    assertThat(Codec.decode(Codec.encodeToString(status), JsonNode.class))
        .isEqualTo(Codec.decode(STATUS, JsonNode.class));
    status.getDetails().setName("changed");
    assertThat(u.getNestedString("details", "name")).contains("x");
  }

  @Test
  void fromUnstructured_unregisteredKind_staysUnstructured() {
    Unstructured widget =
        new Unstructured().setApiVersion("example.com/v1").setKind("Widget").setName("w");
    Object result = UnstructuredConverter.fromUnstructured(widget, Scheme.defaultScheme());
    assertThat(result).isEqualTo(widget).isNotSameAs(widget);
  }

  @Test
  void fromUnstructured_fieldOfWrongType_namesKindObjectAndField() {
    Unstructured u = Codec.decode(STATUS, Unstructured.class);
    u.setNestedSlice(List.of("a"), "details", "name");
    assertThatThrownBy(() -> UnstructuredConverter.fromUnstructured(u, Status.class))
        .isInstanceOf(DecodeException.class)
        .hasMessageStartingWith("cannot convert Status null to Status at field .details.name");
    assertThatThrownBy(
            () ->
                UnstructuredConverter.fromUnstructured(new Unstructured(), Scheme.defaultScheme()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unstructured{null null null} has no apiVersion");
  }

  @Test
  void toUnstructured_notAnObject_fails() {
    assertThatThrownBy(() -> UnstructuredConverter.toUnstructured("text"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("java.lang.String converts to a JSON STRING, not an object");
    StatusDetails details = new StatusDetails().name("n");
    assertThat(UnstructuredConverter.toUnstructured(details).getObject())
        .containsEntry("name", "n");
  }
}
