package dev.kubeclient.discovery;

/** CustomResourceDefinitions for tests, as JSON for {@code EmbeddedApiServer.create}. */
public final class TestCrds {
  private TestCrds() {}

  /**
   * A namespaced CRD {@code <plural>.<group>} of kind {@code kind}, served in {@code v1} with the
   * status subresource and the short name given.
   */
  public static String crd(String group, String plural, String kind, String shortName) {
    return """
        {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
         "metadata":{"name":"%2$s.%1$s"},
         "spec":{"group":"%1$s","scope":"Namespaced",
          "names":{"plural":"%2$s","singular":"%3$s","kind":"%4$s","shortNames":["%5$s"]},
          "versions":[{"name":"v1","served":true,"storage":true,"subresources":{"status":{}},
           "schema":{"openAPIV3Schema":{"type":"object",
            "x-kubernetes-preserve-unknown-fields":true}}}]}}
        """
        .formatted(group, plural, kind.toLowerCase(java.util.Locale.ROOT), kind, shortName);
  }
}
