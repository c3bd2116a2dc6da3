package dev.kubeclient.examples.outofcluster;

import dev.kubeclient.core.errors.ApiException;
import dev.kubeclient.core.errors.ForbiddenException;
import dev.kubeclient.core.errors.KubeClientException;
import dev.kubeclient.core.errors.NotFoundException;
import dev.kubeclient.core.errors.UnauthorizedException;
import dev.kubeclient.examples.StopSignal;
import dev.kubeclient.typed.ClientSet;
import dev.kubeclient.typed.api.core.v1.Pod;
import java.io.PrintStream;
import java.time.Duration;

/**
 * The loop of client-go's in-cluster and out-of-cluster examples: every few seconds, count the pods
 * of the whole cluster and look for one pod by name, telling apart the errors a program must expect
 * (not found, forbidden, unauthorized) from the ones it cannot do anything about.
 */
public final class PodPoller {
  private final ClientSet clientSet;
  private final PrintStream out;
  private final String namespace;
  private final String podName;

  /**
   * A poller that counts every pod and looks for {@code podName} in {@code namespace}, reporting to
   * {@code out}.
   */
  public PodPoller(ClientSet clientSet, PrintStream out, String namespace, String podName) {
    this.clientSet = clientSet;
    this.out = out;
    this.namespace = namespace;
    this.podName = podName;
  }

  /** Polls every {@code interval} until {@code stop} is raised. */
  public void run(Duration interval, StopSignal stop) throws InterruptedException {
    do {
      pollOnce();
    } while (!stop.sleep(interval));
  }

  /** One round: count the pods, then look for the pod by name. */
  public void pollOnce() {
    try {
      // No namespace: every namespace, as client-go's Pods("").
      int count = clientSet.coreV1().podsInAllNamespaces().list().getItems().size();
      out.printf("There are %d pods in the cluster%n", count);
    } catch (ForbiddenException e) {
      // RBAC lets this identity not list pods cluster-wide: a ClusterRole granting list on pods
      // (such as "view") bound to it fixes that.
      out.printf("Forbidden: may not list pods in all namespaces: %s%n", e.serverMessage());
    } catch (UnauthorizedException e) {
      out.printf("Unauthorized: the server rejected the credentials: %s%n", e.serverMessage());
    } catch (ApiException e) {
      out.printf("Error listing pods: %s %s: %s%n", e.code(), e.reason(), e.serverMessage());
    } catch (KubeClientException e) {
      out.printf("Cannot reach the API server: %s%n", e.getMessage());
      return;
    }

    // Errors are typed: catch the one you expect (NotFoundException, like errors.IsNotFound), or
    // any ApiException and read its Status (code, reason, message), like a StatusError.
    try {
      Pod pod = clientSet.coreV1().pods(namespace).get(podName);
      out.printf(
          "Found pod %s in namespace %s (phase %s)%n",
          podName, namespace, pod.getStatus() == null ? "unknown" : pod.getStatus().getPhase());
    } catch (NotFoundException e) {
      out.printf("Pod %s in namespace %s not found%n", podName, namespace);
    } catch (ForbiddenException e) {
      out.printf(
          "Forbidden: may not get pod %s in namespace %s: %s%n",
          podName, namespace, e.serverMessage());
    } catch (ApiException e) {
      out.printf(
          "Error getting pod %s in namespace %s: %s %s: %s%n",
          podName, namespace, e.code(), e.reason(), e.serverMessage());
    } catch (KubeClientException e) {
      out.printf("Cannot reach the API server: %s%n", e.getMessage());
    }
  }
}
