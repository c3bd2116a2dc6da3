package dev.kubeclient.examples.crdcontroller;

import dev.kubeclient.core.errors.AlreadyExistsException;
import dev.kubeclient.core.errors.Errors;
import dev.kubeclient.core.errors.NotFoundException;
import dev.kubeclient.core.options.ListOptions;
import dev.kubeclient.core.retry.Backoff;
import dev.kubeclient.core.retry.Retry;
import dev.kubeclient.examples.StopSignal;
import dev.kubeclient.examples.crdcontroller.v1alpha1.Foos;
import dev.kubeclient.typed.ClientSet;
import dev.kubeclient.typed.api.apiextensions.v1.CustomResourceDefinition;
import dev.kubeclient.typed.api.apiextensions.v1.CustomResourceDefinitionCondition;
import java.io.PrintStream;
import java.time.Duration;

/** Installs the Foo CustomResourceDefinition when it is missing and waits until Foos are served. */
final class CrdInstaller {
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  /** 8 tries, 100 ms, 200 ms, ... 6.4 s apart (each up to 10% longer at random). */
  private static final Backoff LIST_BACKOFF = new Backoff(8, Duration.ofMillis(100), 2.0, 0.1);

  private CrdInstaller() {}

  /**
   * Makes sure the CRD is installed and established.
   *
   * @return false when stopped before Foos were served (nothing is installed when stopped at once)
   * @throws IllegalStateException when the CRD is not established within 30 seconds
   */
  static boolean install(ClientSet clientSet, PrintStream out, StopSignal stop)
      throws InterruptedException {
    if (stop.isStopped()) {
      return false;
    }
    var crds = clientSet.apiextensionsV1().customResourceDefinitions();
    try {
      crds.get(Foos.CRD_NAME);
      out.printf("CustomResourceDefinition %s is installed%n", Foos.CRD_NAME);
    } catch (NotFoundException e) {
      try {
        crds.create(Foos.definition());
        out.printf("Installed CustomResourceDefinition %s%n", Foos.CRD_NAME);
      } catch (AlreadyExistsException raced) {
        // Another replica installed it meanwhile.
        out.printf("CustomResourceDefinition %s is installed%n", Foos.CRD_NAME);
      }
    }
    // A new CRD is served once the API server has accepted its names and established it.
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!established(crds.get(Foos.CRD_NAME))) {
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException(
            "CustomResourceDefinition " + Foos.CRD_NAME + " not established after " + PATIENCE);
      }
      if (stop.sleep(POLL)) {
        return false;
      }
    }
    // And the list must work before informers start, or their first list fails and backs off. An
    // API server may answer 404 for a moment after the CRD is established, until every part of it
    // serves the new resource: retry that, with exponential backoff, for about 12 seconds.
    Retry.onError(
        LIST_BACKOFF,
        Errors::isNotFound,
        () -> Foos.clientInAllNamespaces(clientSet).list(ListOptions.none()));
    return true;
  }

  private static boolean established(CustomResourceDefinition crd) {
    if (crd.getStatus() == null) {
      return false;
    }
    for (CustomResourceDefinitionCondition c : crd.getStatus().getConditions()) {
      if ("Established".equals(c.getType()) && "True".equals(c.getStatus())) {
        return true;
      }
    }
    return false;
  }
}
