package dev.kubeclient.gen.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The field table from Go sources written the way k8s.io/api writes its types. */
class ProtoFieldsWriterTest {
  private static final String META = "k8s.io/apimachinery/pkg/apis/meta/v1";

  private static final String META_SOURCE =
      """
      package v1

      type Time struct {
      	time.Time `protobuf:"-"`
      }

      type ObjectMeta struct {
      	Name string `json:"name,omitempty" protobuf:"bytes,1,opt,name=name"`
      	// A comment line.
      	CreationTimestamp Time `json:"creationTimestamp,omitempty,omitzero" protobuf:"bytes,8,opt,name=creationTimestamp"`
      }

      type Empty struct{}
      """;

  private static final String API_SOURCE =
      """
      package v1

      import (
      	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
      	"k8s.io/apimachinery/pkg/api/resource"
      )

      type Protocol string

      type ResourceList map[ResourceName]resource.Quantity

      type ResourceName string

      type ExtraValue []string

      type Thing struct {
      	metav1.TypeMeta `json:",inline"`
      	metav1.ObjectMeta `json:"metadata,omitempty" protobuf:"bytes,1,opt,name=metadata"`
      	Replicas *int32 `json:"replicas,omitempty" protobuf:"varint,2,opt,name=replicas"`
      	Protocol Protocol `json:"protocol" protobuf:"bytes,3,opt,name=protocol,casttype=Protocol"`
      	Limits ResourceList `json:"limits,omitempty" protobuf:"bytes,4,rep,name=limits,casttype=ResourceList,castkey=ResourceName"`
      	Extra map[string]ExtraValue `json:"extra,omitempty" protobuf:"bytes,5,rep,name=extra"`
      	Source `json:",inline" protobuf:"bytes,6,opt,name=source"`
      	Data []byte `json:"data,omitempty" protobuf:"bytes,7,opt,name=data"`
      	Empty metav1.Empty `json:"empty" protobuf:"bytes,8,opt,name=empty"`
      	Ports []int32 `json:"ports,omitempty" protobuf:"varint,9,rep,name=ports"`
      }

      type Source struct {
      	Path string `json:"path" protobuf:"bytes,1,opt,name=path"`
      }
      """;

  @Test
  void table_goStructs_giveNumbersNamesFlagsAndKinds() {
    ProtoFieldsWriter writer = new ProtoFieldsWriter();
    writer.read(META, "meta.go", META_SOURCE);
    writer.read("k8s.io/apimachinery/pkg/api/resource", "q.go", "type Quantity struct {\n}\n");
    writer.read("k8s.io/api/core/v1", "types.go", API_SOURCE);

    String table = writer.table();

    assertThat(table)
        .contains(
            "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta\t1 name o - string -\t"
                + "8 creationTimestamp oz - time -\n")
        .contains(
            "io.k8s.api.core.v1.Thing\t"
                + "1 metadata o - msg io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta\t"
                + "2 replicas po - int -\t"
                + "3 protocol - - string -\t"
                + "4 limits o map quantity -\t"
                + "5 extra o map items string\t"
                + "6 - i - msg io.k8s.api.core.v1.Source\t"
                + "7 data o - bytes -\t"
                + "8 empty - - msg io.k8s.apimachinery.pkg.apis.meta.v1.Empty\t"
                + "9 ports o [] int -\n");
    assertThat(table).as("a struct without protobuf fields").doesNotContain("meta.v1.Time\t");
  }

  @Test
  void table_unknownFieldType_namesTheTypeAndPackage() {
    ProtoFieldsWriter writer = new ProtoFieldsWriter();
    writer.read(
        "k8s.io/api/x/v1",
        "types.go",
        "type T struct {\n\tF Missing `json:\"f\" protobuf:\"bytes,1,opt,name=f\"`\n}\n");

    assertThatThrownBy(writer::table)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Missing")
        .hasMessageContaining("k8s.io/api/x/v1");
  }

  @Test
  void read_unclosedStruct_namesTheFileAndLine() {
    ProtoFieldsWriter writer = new ProtoFieldsWriter();

    assertThatThrownBy(() -> writer.read("p", "broken.go", "package p\n\ntype T struct {\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("broken.go:3: struct T not closed");
  }
}
