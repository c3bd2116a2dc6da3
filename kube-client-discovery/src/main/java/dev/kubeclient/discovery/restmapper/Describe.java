package dev.kubeclient.discovery.restmapper;

import dev.kubeclient.core.GroupVersionKind;
import dev.kubeclient.core.GroupVersionResource;
import java.util.List;
import java.util.stream.Collectors;

/** How the mapper's messages name partial resources and what matched. */
final class Describe {
  private Describe() {}

  /** {@code resource "widgets" in group "example.com" version "v1"}, leaving out empty parts. */
  static String resource(GroupVersionResource r) {
    StringBuilder b = new StringBuilder("resource \"").append(r.resource()).append('"');
    if (!r.group().isEmpty()) {
      b.append(" in group \"").append(r.group()).append('"');
    }
    if (!r.version().isEmpty()) {
      b.append(r.group().isEmpty() ? " in version \"" : " version \"").append(r.version());
      b.append('"');
    }
    return b.toString();
  }

  /** {@code multiple resources [widgets.v1.a.example.com, ...] and kinds [...]}. */
  static String matches(List<GroupVersionResource> resources, List<GroupVersionKind> kinds) {
    String r =
        resources.stream()
            .map(
                x ->
                    x.resource() + "." + x.version() + (x.group().isEmpty() ? "" : "." + x.group()))
            .collect(Collectors.joining(", ", "[", "]"));
    String k =
        kinds.stream()
            .map(x -> x.kind() + "." + x.version() + (x.group().isEmpty() ? "" : "." + x.group()))
            .collect(Collectors.joining(", ", "[", "]"));
    if (!resources.isEmpty() && !kinds.isEmpty()) {
      return "multiple resources " + r + " and kinds " + k;
    }
    if (!kinds.isEmpty()) {
      return "multiple kinds " + k;
    }
    return "multiple resources " + r;
  }
}
