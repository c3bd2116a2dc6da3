package dev.kubeclient.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** JSON nulls of built-in objects end as the Go types write them back. */
class GoJsonNullsTest {

  @Test
  void normalize_nullsOfADeployment_areOmittedOrZeroedAsGoWritesThem() throws Exception {
    ObjectNode d =
        (ObjectNode)
            Json.MAPPER.readTree(
                """
                {"metadata":{"name":"d","creationTimestamp":null,"labels":null},
                 "spec":{"replicas":null,"paused":null,"strategy":null,
                  "template":{"metadata":{"creationTimestamp":null},
                   "spec":{"containers":[{"name":"c","resources":null,"command":null}],
                    "volumes":[{"name":"v","emptyDir":null,"configMap":{"name":"x","items":null}}]}}},
                 "status":null}
                """);

    GoJsonNulls.normalize("io.k8s.api.apps.v1.Deployment", d);

    assertThat(d.toString())
        .isEqualTo(
            "{\"metadata\":{\"name\":\"d\"},\"spec\":{\"strategy\":{},"
                + "\"template\":{\"metadata\":{},\"spec\":{\"containers\":[{\"name\":\"c\","
                + "\"resources\":{}}],\"volumes\":[{\"name\":\"v\",\"configMap\":{\"name\":\"x\"}}]}}},"
                + "\"status\":{}}");
  }
}
