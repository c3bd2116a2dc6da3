package dev.kubeclient.core.unstructured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.core.codec.Codec;
import dev.kubeclient.core.codec.DecodeException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnstructuredListTest {
  private static final String LIST =
      "{\"kind\":\"DeploymentList\",\"apiVersion\":\"apps/v1\",\"metadata\":"
          + "{\"resourceVersion\":\"42\",\"continue\":\"abc\",\"remainingItemCount\":7},"
          + "\"items\":[{\"metadata\":{\"name\":\"a\"}},"
          + "{\"apiVersion\":\"apps/v1beta9\",\"kind\":\"Other\",\"metadata\":{\"name\":\"b\"}}]}";

  /**
   * Items without apiVersion and kind get the list's, as apimachinery's {@code decodeToList} does.
   */
  @Test
  void decode_fillsItemTypeFromTheListAndKeepsTheirOwn() {
    UnstructuredList list = Codec.decode(LIST, UnstructuredList.class);
    assertThat(list.getKind()).isEqualTo("DeploymentList");
    assertThat(list.getResourceVersion()).isEqualTo("42");
    assertThat(list.getContinue()).isEqualTo("abc");
    assertThat(list.getRemainingItemCount()).isEqualTo(7L);
    assertThat(list.getMetadata().getResourceVersion()).isEqualTo("42");
    assertThat(list.getItems()).hasSize(2);
    assertThat(list.getItems().get(0).getApiVersion()).isEqualTo("apps/v1");
    assertThat(list.getItems().get(0).getKind()).isEqualTo("Deployment");
    assertThat(list.getItems().get(1).getKind()).isEqualTo("Other");
    assertThat(list.toString()).isEqualTo("UnstructuredList{apps/v1 DeploymentList, 2 items}");
  }

  /** Scenario of apimachinery's {@code TestUnstructuredList}. */
  @Test
  void encode_writesItemsBack() {
    UnstructuredList list = new UnstructuredList().setApiVersion("v1").setKind("List");
    list.getItems().add(new Unstructured().setApiVersion("v1").setKind("Pod").setName("test"));
    String json = Codec.encodeToString(list);
    assertThat(json)
        .isEqualTo(
            "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[{\"apiVersion\":\"v1\","
                + "\"kind\":\"Pod\",\"metadata\":{\"name\":\"test\"}}]}");
    UnstructuredList back = Codec.decode(json, UnstructuredList.class);
    assertThat(back).isEqualTo(list);
    assertThat(back.getContinue()).isNull();
  }

  @Test
  void deepCopy_isIndependent() {
    UnstructuredList list = Codec.decode(LIST, UnstructuredList.class);
    UnstructuredList copy = list.deepCopy();
    assertThat(copy).isEqualTo(list);
    copy.getItems().get(0).setName("changed");
    copy.getItems().clear();
    assertThat(list.getItems()).hasSize(2);
    assertThat(list.getItems().get(0).getName()).isEqualTo("a");
  }

  @Test
  void decode_itemNotAnObject_namesTheIndex() {
    assertThatThrownBy(
            () -> Codec.decode("{\"kind\":\"PodList\",\"items\":[{},3]}", UnstructuredList.class))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("items[1] of PodList is long, expected an object");
    assertThatThrownBy(() -> new UnstructuredList(Map.of("kind", "PodList", "items", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("items of PodList is string, expected a list");
  }
}
