package dev.kubeclient.discovery;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.meta.v1.APIGroup;
import dev.kubeclient.core.meta.v1.APIGroupList;
import dev.kubeclient.core.meta.v1.APIResourceList;
import dev.kubeclient.core.meta.v1.APIVersions;
import dev.kubeclient.core.meta.v1.GroupVersionForDiscovery;
import dev.kubeclient.core.version.Info;
import dev.kubeclient.rest.RESTClient;
import dev.kubeclient.rest.Transport;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks an API server what it serves: client-go's {@code DiscoveryClient}. Reads {@code /version},
 * the legacy core group at {@code /api}, the named groups at {@code /apis}, and the resources of
 * one group/version at {@code /api/v1} or {@code /apis/<group>/<version>}.
 *
 * <pre>{@code
 * DiscoveryClient discovery = clientSet.discovery();
 * for (APIResource r : discovery.serverResourcesForGroupVersion("apps/v1").getResources()) { ... }
 * }</pre>
 *
 * <p>Every call is a request: nothing is cached here. Safe for concurrent use; shares the transport
 * it is given and does not close it.
 */
public final class DiscoveryClient {
  private final RESTClient client;

  /** A discovery client sending through {@code transport}. */
  public DiscoveryClient(Transport transport) {
    this.client = RESTClient.forTransport(checkNotNull(transport, "transport"), "");
  }

  /** The server's version ({@code /version}), as {@code kubectl version} prints it. */
  public Info serverVersion() {
    return client.get().absPath("version").execute(Info.class);
  }

  /**
   * The server's API groups: the legacy core group (named {@code ""}, from {@code /api}) first,
   * then the named groups of {@code /apis}, each with its versions and preferred version.
   */
  public APIGroupList serverGroups() {
    APIVersions legacy = client.get().absPath("api").execute(APIVersions.class);
    APIGroupList named = client.get().absPath("apis").execute(APIGroupList.class);
    List<APIGroup> groups = new ArrayList<>();
    if (!legacy.getVersions().isEmpty()) {
      APIGroup core = new APIGroup().name("");
      for (String v : legacy.getVersions()) {
        core.addToVersions(new GroupVersionForDiscovery().groupVersion(v).version(v));
      }
      core.preferredVersion(core.getVersions().get(0).deepCopy());
      groups.add(core);
    }
    groups.addAll(named.getGroups());
    return new APIGroupList().groups(groups);
  }

  /**
   * The resources of one group/version, such as {@code v1} or {@code apps/v1}.
   *
   * @throws dev.kubeclient.core.errors.NotFoundException when the server does not serve it
   */
  public APIResourceList serverResourcesForGroupVersion(String groupVersion) {
    checkNotNull(groupVersion, "groupVersion");
    checkArgument(
        !groupVersion.isEmpty() && !groupVersion.startsWith("/") && !groupVersion.endsWith("/"),
        "groupVersion must look like 'v1' or 'apps/v1': '%s'",
        groupVersion);
    String[] path =
        groupVersion.contains("/")
            ? ("apis/" + groupVersion).split("/")
            : new String[] {"api", groupVersion};
    return client.get().absPath(path).execute(APIResourceList.class);
  }
}
