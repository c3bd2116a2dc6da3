package dev.kubeclient.examples;

import dev.kubeclient.core.errors.AlreadyExistsException;
import dev.kubeclient.typed.ClientSet;
import dev.kubeclient.typed.api.core.v1.Namespace;
import dev.kubeclient.typed.api.core.v1.Pod;

/**
 * Objects the examples put into an embedded API server so that there is something to see. Seeding
 * goes through the ClientSet, as any other client's writes would.
 */
public final class Seeds {
  private Seeds() {}

  /** A one-container nginx Pod labelled {@code app=APP}. */
  public static Pod pod(String namespace, String name, String app) {
    return new Pod()
        .metadata(m -> m.name(name).namespace(namespace).putInLabels("app", app))
        .spec(s -> s.addToContainers(c -> c.name(app).image("nginx:1.27")));
  }

  /** Creates pods {@code names} in {@code namespace}, labelled {@code app=APP}. */
  public static void pods(ClientSet clientSet, String namespace, String app, String... names) {
    namespace(clientSet, namespace);
    for (String name : names) {
      clientSet.coreV1().pods(namespace).create(pod(namespace, name, app));
    }
  }

  /** Creates {@code namespace} unless it exists. */
  public static void namespace(ClientSet clientSet, String namespace) {
    try {
      clientSet.coreV1().namespaces().create(new Namespace().metadata(m -> m.name(namespace)));
    } catch (AlreadyExistsException e) {
      // The embedded server starts with default, kube-system, kube-public and kube-node-lease.
    }
  }
}
