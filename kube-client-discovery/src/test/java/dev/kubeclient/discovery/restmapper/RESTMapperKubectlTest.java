package dev.kubeclient.discovery.restmapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kubeclient.core.GroupVersion;
import dev.kubeclient.core.GroupVersionResource;
import dev.kubeclient.discovery.DiscoveryClient;
import dev.kubeclient.discovery.TestCrds;
import dev.kubeclient.discovery.TestKubectl;
import dev.kubeclient.discovery.cached.memory.MemCacheClient;
import dev.kubeclient.rest.Transport;
import dev.kubeclient.testing.EmbeddedApiServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kubectl judges the mapper: for every row of {@code kubectl api-resources} (built-in kinds and a
 * CRD), the qualified name, the kind and each short name map to the row's resource in its preferred
 * version, kind and scope, as kubectl resolves them (a short name on several rows to the first).
 * Skipped when kubectl is not on the PATH.
 */
class RESTMapperKubectlTest {
  @TempDir Path home;

  @Test
  void everyApiResourcesRow_mapsAsKubectlShowsIt() throws Exception {
    String kubectl = TestKubectl.find();
    assumeTrue(kubectl != null, "kubectl is not on the PATH");
    try (EmbeddedApiServer server = EmbeddedApiServer.newBuilder().build().start();
        Transport transport = Transport.forConfig(server.restConfig())) {
      server.create(TestCrds.crd("judge.example.com", "verdicts", "Verdict", "vd"));
      String out =
          TestKubectl.run(
              kubectl,
              server.kubeconfigPath(),
              home.resolve("cache"),
              home,
              "api-resources",
              "--no-headers");
      MemCacheClient discovery = new MemCacheClient(new DiscoveryClient(transport));
      RESTMapper mapper =
          new ShortcutExpander(RESTMapper.forDiscovery(discovery), discovery, w -> {});

      List<String> checked = new ArrayList<>();
      Set<String> seenShortNames = new HashSet<>();
      for (String line : out.lines().toList()) {
        String[] f = line.trim().split("\\s+");
        assertThat(f.length).as(line).isBetween(4, 5);
        boolean hasShortNames = f.length == 5;
        String name = f[0];
        List<String> shortNames = hasShortNames ? List.of(f[1].split(",")) : List.of();
        GroupVersion gv = GroupVersion.parse(f[hasShortNames ? 2 : 1]);
        boolean namespaced = Boolean.parseBoolean(f[hasShortNames ? 3 : 2]);
        String kind = f[hasShortNames ? 4 : 3];
        GroupVersionResource expected = new GroupVersionResource(gv.group(), gv.version(), name);
        String qualified = gv.group().isEmpty() ? name : name + "." + gv.group();
        // A short name on several rows (ev: core and events.k8s.io) is the first row's, as in
        // kubectl get ev.
        List<String> forms = new ArrayList<>();
        shortNames.stream().filter(seenShortNames::add).forEach(forms::add);
        forms.add(qualified);
        forms.add(gv.group().isEmpty() ? kind : kind + "." + gv.group());
        for (String form : forms) {
          RESTMapping mapping = mapper.mappingFor(form);
          assertThat(mapping.resource()).as(form).isEqualTo(expected);
          assertThat(mapping.groupVersionKind().kind()).as(form).isEqualTo(kind);
          assertThat(mapping.scope().namespaced()).as(form).isEqualTo(namespaced);
          checked.add(form);
        }
      }
      assertThat(checked)
          .contains("deploy", "deployments.apps", "vd", "verdicts.judge.example.com");
    }
  }
}
