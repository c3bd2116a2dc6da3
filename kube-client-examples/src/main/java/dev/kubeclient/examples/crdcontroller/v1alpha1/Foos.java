package dev.kubeclient.examples.crdcontroller.v1alpha1;

import dev.kubeclient.core.codec.Codec;
import dev.kubeclient.typed.ClientSet;
import dev.kubeclient.typed.ResourceClient;
import dev.kubeclient.typed.api.apiextensions.v1.CustomResourceDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The Foo API: its group, version and resource, its CustomResourceDefinition, and typed clients of
 * it. The clients are the generic {@link ResourceClient} the generated ClientSet is built on, bound
 * to the Foo classes: what a generated client of a custom resource would be.
 */
public final class Foos {
  /** The API group. */
  public static final String GROUP = "examples.kubeclient.dev";

  /** The served version. */
  public static final String VERSION = "v1alpha1";

  /** The resource (plural) name. */
  public static final String RESOURCE = "foos";

  /** The CRD's name: {@code <plural>.<group>}. */
  public static final String CRD_NAME = RESOURCE + "." + GROUP;

  private Foos() {}

  /** The client of Foos in {@code namespace}, on the ClientSet's transport. */
  public static ResourceClient<Foo, FooList> client(ClientSet clientSet, String namespace) {
    return ResourceClient.namespaced(
        clientSet.restClient(Foo.API_VERSION), RESOURCE, namespace, Foo.class, FooList.class);
  }

  /** The client of Foos in all namespaces (list and watch), for informers. */
  public static ResourceClient<Foo, FooList> clientInAllNamespaces(ClientSet clientSet) {
    return ResourceClient.allNamespaces(
        clientSet.restClient(Foo.API_VERSION), RESOURCE, Foo.class, FooList.class);
  }

  /**
   * The CustomResourceDefinition of Foos, read from {@code foo-crd.yaml} beside this class (the
   * file {@code kubectl apply -f} takes too).
   */
  public static CustomResourceDefinition definition() {
    return Codec.decodeYaml(resource("foo-crd.yaml"), CustomResourceDefinition.class);
  }

  /** The example Foo of {@code example-foo.yaml}. */
  public static Foo example() {
    return Codec.decodeYaml(resource("example-foo.yaml"), Foo.class);
  }

  private static String resource(String name) {
    try (InputStream in = Foos.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name + " beside " + Foos.class);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + name, e);
    }
  }
}
