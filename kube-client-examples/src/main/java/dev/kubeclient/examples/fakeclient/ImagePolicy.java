package dev.kubeclient.examples.fakeclient;

import dev.kubeclient.rest.PatchType;
import dev.kubeclient.typed.ClientSet;
import dev.kubeclient.typed.api.core.v1.Container;
import dev.kubeclient.typed.api.core.v1.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Application code that uses the ClientSet, for the fake-client example to test: it finds the pods
 * of a namespace that run an image without a fixed version ({@code nginx}, {@code nginx:latest})
 * and labels them, so that {@code kubectl get pods -l examples.kubeclient.dev/image-policy} finds
 * them.
 *
 * <p>Safe for concurrent use if the ClientSet is (it is).
 */
public final class ImagePolicy {
  /** The label put on pods whose images are not pinned. */
  public static final String LABEL = "examples.kubeclient.dev/image-policy";

  private final ClientSet clientSet;

  /** A policy that reads and labels pods through {@code clientSet}. */
  public ImagePolicy(ClientSet clientSet) {
    this.clientSet = clientSet;
  }

  /**
   * Labels every pod of {@code namespace} that runs an unpinned image and is not labelled yet.
   *
   * @return the names of the pods labelled now
   */
  public List<String> enforce(String namespace) {
    List<String> labelled = new ArrayList<>();
    for (Pod pod : clientSet.coreV1().pods(namespace).list().getItems()) {
      String name = pod.getMetadata().getName();
      if (violates(pod) && !pod.getMetadata().getLabels().containsKey(LABEL)) {
        // A merge patch changes only the label: no read-modify-write, so no conflict to retry.
        clientSet
            .coreV1()
            .pods(namespace)
            .patch(
                name,
                PatchType.MERGE,
                Map.of("metadata", Map.of("labels", Map.of(LABEL, "unpinned-image"))));
        labelled.add(name);
      }
    }
    return labelled;
  }

  /** Whether any container of {@code pod} runs an unpinned image. */
  public static boolean violates(Pod pod) {
    for (Container c : pod.getSpec().getContainers()) {
      if (!isPinned(c.getImage())) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code image} names a fixed version: a digest, or a tag other than latest. */
  static boolean isPinned(String image) {
    if (image.contains("@sha256:")) {
      return true;
    }
    // The tag follows the last colon after the last slash (a colon before it is a registry port).
    String lastPart = image.substring(image.lastIndexOf('/') + 1);
    int colon = lastPart.lastIndexOf(':');
    return colon >= 0 && !lastPart.substring(colon + 1).equals("latest");
  }
}
