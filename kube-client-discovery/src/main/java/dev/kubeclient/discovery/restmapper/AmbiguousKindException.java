package dev.kubeclient.discovery.restmapper;

import dev.kubeclient.core.GroupVersionKind;
import dev.kubeclient.core.errors.KubeClientException;
import java.util.List;

/**
 * A kind matched several mappings and nothing decided between them (apimachinery's {@code
 * AmbiguousKindError}): give a version.
 */
public final class AmbiguousKindException extends KubeClientException {
  private static final long serialVersionUID = 1L;

  private final transient GroupVersionKind partialKind;
  private final transient List<GroupVersionKind> matchingKinds;

  /** Creates the exception. */
  public AmbiguousKindException(
      GroupVersionKind partialKind, List<GroupVersionKind> matchingKinds) {
    super(
        "kind \""
            + partialKind.kind()
            + "\""
            + (partialKind.group().isEmpty() ? "" : " in group \"" + partialKind.group() + "\"")
            + " matches "
            + Describe.matches(List.of(), matchingKinds));
    this.partialKind = partialKind;
    this.matchingKinds = List.copyOf(matchingKinds);
  }

  /** The kind looked for. */
  public GroupVersionKind partialKind() {
    return partialKind;
  }

  /** The kinds it matched. */
  public List<GroupVersionKind> matchingKinds() {
    return matchingKinds;
  }
}
