package dev.kubeclient.examples.crdcontroller;

import dev.kubeclient.examples.crdcontroller.v1alpha1.Foo;
import dev.kubeclient.typed.api.apps.v1.Deployment;
import java.util.Map;

/** The Deployment a Foo asks for, as sample-controller's {@code newDeployment} builds it. */
final class Deployments {
  private Deployments() {}

  /** A new Deployment for {@code foo}, controlled by it. */
  static Deployment forFoo(Foo foo) {
    String fooName = foo.getMetadata().getName();
    Map<String, String> labels = Map.of("app", "nginx", "controller", fooName);
    return new Deployment()
        .metadata(
            m ->
                m.name(foo.getSpec().getDeploymentName())
                    .namespace(foo.getMetadata().getNamespace())
                    // The controller reference: the garbage collector deletes the Deployment
                    // with its Foo, and the controller recognises its own Deployments by it.
                    .addToOwnerReferences(
                        ref ->
                            ref.apiVersion(Foo.API_VERSION)
                                .kind(Foo.KIND)
                                .name(fooName)
                                .uid(foo.getMetadata().getUid())
                                .controller(true)
                                .blockOwnerDeletion(true)))
        .spec(
            s ->
                s.replicas(foo.getSpec().getReplicas())
                    .selector(sel -> sel.matchLabels(labels))
                    .template(
                        t ->
                            t.metadata(m -> m.labels(labels))
                                .spec(
                                    p ->
                                        p.addToContainers(
                                            c -> c.name("nginx").image("nginx:1.27")))));
  }

  /**
   * {@code current} changed to what {@code foo} asks for, keeping its resourceVersion so that the
   * update fails with a Conflict if the Deployment changed meanwhile (the key is then retried).
   */
  static Deployment forFoo(Foo foo, Deployment current) {
    Deployment wanted = current.deepCopy();
    wanted.getSpec().setReplicas(foo.getSpec().getReplicas());
    return wanted;
  }
}
