package dev.kubeclient.discovery.restmapper;

import dev.kubeclient.core.GroupVersionKind;
import dev.kubeclient.core.GroupVersionResource;
import dev.kubeclient.core.errors.KubeClientException;
import java.util.List;

/**
 * A partial resource matched several resources or kinds and nothing decided between them
 * (apimachinery's {@code AmbiguousResourceError}): qualify it with a group ({@code
 * widgets.example.com}) or a version.
 */
public final class AmbiguousResourceException extends KubeClientException {
  private static final long serialVersionUID = 1L;

  private final transient GroupVersionResource partialResource;
  private final transient List<GroupVersionResource> matchingResources;
  private final transient List<GroupVersionKind> matchingKinds;

  /** Creates the exception; one of the lists may be empty. */
  public AmbiguousResourceException(
      GroupVersionResource partialResource,
      List<GroupVersionResource> matchingResources,
      List<GroupVersionKind> matchingKinds) {
    super(
        Describe.resource(partialResource)
            + " matches "
            + Describe.matches(matchingResources, matchingKinds));
    this.partialResource = partialResource;
    this.matchingResources = List.copyOf(matchingResources);
    this.matchingKinds = List.copyOf(matchingKinds);
  }

  /** The partial resource looked for. */
  public GroupVersionResource partialResource() {
    return partialResource;
  }

  /** The resources it matched. */
  public List<GroupVersionResource> matchingResources() {
    return matchingResources;
  }

  /** The kinds it matched. */
  public List<GroupVersionKind> matchingKinds() {
    return matchingKinds;
  }
}
