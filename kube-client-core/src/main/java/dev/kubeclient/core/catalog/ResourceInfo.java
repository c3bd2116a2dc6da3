package dev.kubeclient.core.catalog;

import dev.kubeclient.core.internal.Preconditions;
import java.util.List;

/**
 * One API resource as discovery describes it: the counterpart of client-go's {@code
 * metav1.APIResource} for a built-in resource, plus its group and version.
 *
 * <p>Immutable and thread-safe; all lists are unmodifiable copies.
 *
 * @param group the API group, empty for the core group
 * @param version the API version, for example {@code v1}
 * @param resource the plural resource name used in URLs, for example {@code deployments}
 * @param singularName the singular name, the lower-cased kind
 * @param kind the kind of the objects this resource serves
 * @param namespaced whether objects live in a namespace
 * @param verbs the verbs in discovery's vocabulary (get, list, watch, create, update, patch,
 *     delete, deletecollection), sorted
 * @param shortNames the short names kubectl accepts, for example {@code deploy}
 * @param categories the categories the resource belongs to, for example {@code all}
 * @param subresources the subresources, for example {@code status} and {@code scale}
 */
public record ResourceInfo(
    String group,
    String version,
    String resource,
    String singularName,
    String kind,
    boolean namespaced,
    List<String> verbs,
    List<String> shortNames,
    List<String> categories,
    List<Subresource> subresources) {

  /** Copies the lists so that the record stays immutable. */
  public ResourceInfo {
    Preconditions.checkNotNull(group, "group");
    Preconditions.checkArgument(!version.isEmpty(), "version of %s is empty", resource);
    Preconditions.checkArgument(!resource.isEmpty(), "resource of kind %s is empty", kind);
    verbs = List.copyOf(verbs);
    shortNames = List.copyOf(shortNames);
    categories = List.copyOf(categories);
    subresources = List.copyOf(subresources);
  }

  /** The apiVersion of the objects: {@code version} for the core group, else group/version. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** Whether the resource supports the given discovery verb. */
  public boolean hasVerb(String verb) {
    return verbs.contains(verb);
  }

  /**
   * A subresource of a resource, such as {@code status}, {@code scale} or {@code exec}; its kind
   * may belong to another group, as {@code autoscaling/v1 Scale} does for {@code scale}.
   *
   * @param name the subresource name, the path segment after the object name
   * @param group the group of the subresource's kind
   * @param version the version of the subresource's kind
   * @param kind the kind sent or received, for example {@code Scale} or {@code PodExecOptions}
   * @param verbs the verbs in discovery's vocabulary, sorted
   */
  public record Subresource(
      String name, String group, String version, String kind, List<String> verbs) {

    /** Copies the verbs so that the record stays immutable. */
    public Subresource {
      Preconditions.checkArgument(!name.isEmpty(), "subresource name is empty (kind %s)", kind);
      verbs = List.copyOf(verbs);
    }
  }
}
