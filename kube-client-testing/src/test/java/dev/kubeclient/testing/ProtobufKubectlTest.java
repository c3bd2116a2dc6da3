package dev.kubeclient.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * kubectl as the judge of protobuf request bodies: its {@code create <kind>} generators send the
 * object as protobuf, and what the server stores must be what the same object sent as JSON ({@code
 * --dry-run=client -o json}, then {@code create -f}) stores. Skipped when kubectl is not on the
 * PATH.
 */
class ProtobufKubectlTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static EmbeddedApiServer server;
  private static String binary;

  @TempDir Path dir;

  @BeforeAll
  static void startServer() {
    binary = TestKubectl.find();
    assumeTrue(binary != null, "kubectl is not on the PATH");
    server = EmbeddedApiServer.newBuilder().build().start();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  private Kubectl kubectl() {
    return new Kubectl(binary, server, dir);
  }

  static Stream<Arguments> generators() {
    return Stream.of(
        Arguments.of("configmap", "configmap NAME --from-literal=a=b --from-literal=empty="),
        Arguments.of("secret", "secret generic NAME --from-literal=p=q"),
        Arguments.of("deployment", "deployment NAME --image=nginx:1.27 --replicas=0 --port=80"),
        Arguments.of("service", "service clusterip NAME --clusterip=None --tcp=80:http"),
        Arguments.of("cronjob", "cronjob NAME --image=busybox --schedule=@hourly -- sleep 1"),
        Arguments.of("poddisruptionbudget", "pdb NAME --selector=app=x --max-unavailable=25%"),
        Arguments.of("resourcequota", "quota NAME --hard=pods=2,requests.cpu=500m"));
  }

  @ParameterizedTest
  @MethodSource("generators")
  void create_generatorSendingProtobuf_storesWhatTheSameObjectAsJsonStores(
      String resource, String generator) throws Exception {
    String viaProtobuf = resource.substring(0, 3) + "-proto";
    String viaJson = resource.substring(0, 3) + "-json";
    kubectl().ok(args("create " + generator.replace("NAME", viaProtobuf)));
    String json =
        kubectl()
            .ok(args("create --dry-run=client -o json " + generator.replace("NAME", viaJson)))
            .out();
    Path file = Files.writeString(dir.resolve(viaJson + ".json"), json);
    kubectl().ok("create", "-f", file.toString());

    JsonNode protobuf = stored(resource, viaProtobuf);
    JsonNode fromJson = stored(resource, viaJson);

    assertThat(protobuf.toString().replace(viaProtobuf, "NAME"))
        .isEqualTo(fromJson.toString().replace(viaJson, "NAME"));
  }

  @Test
  void create_configMapAsProtobuf_recordsTheKubectlCreateManager() throws Exception {
    kubectl().ok("create", "configmap", "managed", "--from-literal=k=v");

    JsonNode managed =
        JSON.readTree(
                kubectl()
                    .ok("get", "configmap", "managed", "-o", "json", "--show-managed-fields")
                    .out())
            .at("/metadata/managedFields/0");

    assertThat(managed.path("manager").asText()).isEqualTo("kubectl-create");
    assertThat(managed.path("operation").asText()).isEqualTo("Update");
    assertThat(managed.at("/fieldsV1/f:data").has("f:k")).isTrue();
  }

  /** The stored object without what differs between any two creations. */
  private JsonNode stored(String resource, String name) throws Exception {
    ObjectNode o =
        (ObjectNode) JSON.readTree(kubectl().ok("get", resource, name, "-o", "json").out());
    ObjectNode meta = (ObjectNode) o.path("metadata");
    meta.remove(List.of("uid", "resourceVersion", "creationTimestamp", "managedFields"));
    return o;
  }

  private static String[] args(String line) {
    return line.split(" ");
  }
}
