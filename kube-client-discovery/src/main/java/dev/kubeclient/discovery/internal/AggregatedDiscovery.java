package dev.kubeclient.discovery.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeclient.core.GroupVersion;
import dev.kubeclient.core.meta.v1.APIGroup;
import dev.kubeclient.core.meta.v1.APIGroupList;
import dev.kubeclient.core.meta.v1.APIResource;
import dev.kubeclient.core.meta.v1.APIResourceList;
import dev.kubeclient.core.meta.v1.GroupVersionForDiscovery;
import dev.kubeclient.discovery.GroupsAndMaybeResources;
import dev.kubeclient.discovery.StaleGroupVersionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns an aggregated discovery document ({@code apidiscovery.k8s.io/v2 APIGroupDiscoveryList})
 * into the legacy groups and per-version resource lists: client-go's {@code
 * SplitGroupsAndResources}. Stale group versions become failures; a resource without a response
 * kind is dropped, but its subresources are kept, as client-go does.
 */
public final class AggregatedDiscovery {
  /** The kind of an aggregated discovery document. */
  public static final String KIND = "APIGroupDiscoveryList";

  /** The only version read: v2 (the GA form, which v2beta1 shares but is not asked for). */
  public static final String API_VERSION = "apidiscovery.k8s.io/v2";

  private AggregatedDiscovery() {}

  /** Whether {@code document} is an aggregated discovery document of version v2. */
  public static boolean isAggregated(JsonNode document) {
    return KIND.equals(document.path("kind").asText())
        && API_VERSION.equals(document.path("apiVersion").asText());
  }

  /** Splits {@code document} into groups, resources by group version and stale versions. */
  public static GroupsAndMaybeResources split(JsonNode document) {
    List<APIGroup> groups = new ArrayList<>();
    Map<GroupVersion, APIResourceList> resources = new LinkedHashMap<>();
    Map<GroupVersion, RuntimeException> failed = new LinkedHashMap<>();
    for (JsonNode item : document.path("items")) {
      String name = item.path("metadata").path("name").asText("");
      APIGroup group = new APIGroup().name(name);
      for (JsonNode v : item.path("versions")) {
        GroupVersion gv = new GroupVersion(name, v.path("version").asText(""));
        if ("Stale".equals(v.path("freshness").asText())) {
          failed.put(gv, new StaleGroupVersionException(gv));
          continue;
        }
        GroupVersionForDiscovery version =
            new GroupVersionForDiscovery().groupVersion(gv.toString()).version(gv.version());
        group.addToVersions(version);
        if (group.getPreferredVersion() == null) {
          group.preferredVersion(version.deepCopy());
        }
        APIResourceList list = new APIResourceList().groupVersion(gv.toString());
        for (JsonNode r : v.path("resources")) {
          APIResource resource = resource(r);
          if (kindOf(r.path("responseKind")) != null) {
            list.addToResources(resource);
          }
          for (JsonNode s : r.path("subresources")) {
            APIResource sub = subresource(resource, s);
            if (sub != null) {
              list.addToResources(sub);
            }
          }
        }
        resources.put(gv, list);
      }
      groups.add(group);
    }
    return new GroupsAndMaybeResources(new APIGroupList().groups(groups), resources, failed);
  }

  private static APIResource resource(JsonNode r) {
    APIResource resource =
        new APIResource()
            .name(r.path("resource").asText(""))
            .singularName(r.path("singularResource").asText(""))
            .namespaced("Namespaced".equals(r.path("scope").asText()))
            .verbs(texts(r.path("verbs")));
    if (r.has("shortNames")) {
      resource.shortNames(texts(r.path("shortNames")));
    }
    if (r.has("categories")) {
      resource.categories(texts(r.path("categories")));
    }
    String[] kind = kindOf(r.path("responseKind"));
    if (kind != null) {
      resource.group(kind[0]).version(kind[1]).kind(kind[2]);
    }
    return resource;
  }

  private static @Nullable APIResource subresource(APIResource parent, JsonNode s) {
    String[] kind = kindOf(s.path("responseKind"));
    if (kind == null) {
      return null;
    }
    return new APIResource()
        .name(parent.getName() + "/" + s.path("subresource").asText(""))
        .singularName(parent.getSingularName())
        .namespaced(parent.getNamespaced())
        .group(kind[0])
        .version(kind[1])
        .kind(kind[2])
        .verbs(texts(s.path("verbs")));
  }

  /** group, version, kind of a responseKind; null when it is missing or empty. */
  private static String @Nullable [] kindOf(JsonNode k) {
    if (!k.isObject()) {
      return null;
    }
    String[] gvk = {
      k.path("group").asText(""), k.path("version").asText(""), k.path("kind").asText("")
    };
    return gvk[0].isEmpty() && gvk[1].isEmpty() && gvk[2].isEmpty() ? null : gvk;
  }

  private static List<String> texts(JsonNode array) {
    List<String> result = new ArrayList<>();
    for (JsonNode n : array) {
      result.add(n.asText());
    }
    return result;
  }
}
