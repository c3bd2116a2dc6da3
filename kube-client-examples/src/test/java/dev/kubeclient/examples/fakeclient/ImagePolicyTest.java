package dev.kubeclient.examples.fakeclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.core.errors.InternalErrorException;
import dev.kubeclient.examples.Seeds;
import dev.kubeclient.testing.EmbeddedApiServer;
import dev.kubeclient.testing.EmbeddedKube;
import dev.kubeclient.typed.ClientSet;
import dev.kubeclient.typed.api.core.v1.Pod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Unit tests of code that uses the ClientSet, the fake-client example's first half:
 * {@code @EmbeddedKube} starts one in-memory API server for the class and hands it to the methods
 * that ask for it; each test works in a namespace of its own, so tests do not see each other's
 * objects.
 *
 * <p>Run just these with {@code mvn -B -q -pl kube-client-examples -am test
 * -Dtest='ImagePolicyTest,PodInformerTest' -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EmbeddedKube
class ImagePolicyTest {
  private static ClientSet clientSet;

  @BeforeAll
  static void connect(EmbeddedApiServer server) {
    clientSet = ClientSet.newForConfig(server.restConfig());
  }

  @AfterAll
  static void close() {
    clientSet.close();
  }

  @Test
  void enforce_unpinnedImages_labelsOnlyThosePods() {
    Seeds.namespace(clientSet, "policy-a");
    create("policy-a", "untagged", "nginx");
    create("policy-a", "latest", "registry.local:5000/team/nginx:latest");
    create("policy-a", "tagged", "registry.local:5000/team/nginx:1.27");
    create("policy-a", "digest", "nginx@sha256:0123456789abcdef");

    assertThat(new ImagePolicy(clientSet).enforce("policy-a"))
        .containsExactlyInAnyOrder("untagged", "latest");

    // What the server now holds, read back as any client would.
    assertThat(clientSet.coreV1().pods("policy-a").list().getItems())
        .filteredOn(p -> p.getMetadata().getLabels().containsKey(ImagePolicy.LABEL))
        .extracting(p -> p.getMetadata().getName())
        .containsExactlyInAnyOrder("untagged", "latest");
  }

  @Test
  void enforce_secondRun_labelsNothingNew() {
    Seeds.namespace(clientSet, "policy-b");
    create("policy-b", "untagged", "busybox");
    ImagePolicy policy = new ImagePolicy(clientSet);
    assertThat(policy.enforce("policy-b")).containsExactly("untagged");
    assertThat(policy.enforce("policy-b")).isEmpty();
  }

  @Test
  void enforce_serverFails_throwsTheApiErrorAndChangesNothing(EmbeddedApiServer server) {
    Seeds.namespace(clientSet, "policy-c");
    create("policy-c", "untagged", "busybox");
    // Fault injection: the next request gets a 500, as from an overloaded API server. A list is
    // retried by the client only on 429 and Retry-After, so the error reaches the code.
    server.faults().failNext(1, 500);
    assertThatThrownBy(() -> new ImagePolicy(clientSet).enforce("policy-c"))
        .isInstanceOf(InternalErrorException.class);
    assertThat(clientSet.coreV1().pods("policy-c").get("untagged").getMetadata().getLabels())
        .doesNotContainKey(ImagePolicy.LABEL);
  }

  @Test
  void isPinned_registryPortIsNotATag() {
    assertThat(ImagePolicy.isPinned("registry.local:5000/nginx")).isFalse();
    assertThat(ImagePolicy.isPinned("registry.local:5000/nginx:1.0")).isTrue();
  }

  private static void create(String namespace, String name, String image) {
    clientSet
        .coreV1()
        .pods(namespace)
        .create(
            new Pod()
                .metadata(m -> m.name(name))
                .spec(s -> s.addToContainers(c -> c.name("main").image(image))));
  }
}
