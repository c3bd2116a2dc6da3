package dev.kubeclient.discovery.cached.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.kubeclient.core.codec.Codec;
import dev.kubeclient.core.meta.v1.APIGroup;
import dev.kubeclient.core.meta.v1.APIGroupList;
import dev.kubeclient.discovery.FakeDiscovery;
import dev.kubeclient.discovery.cached.memory.MemCacheClient;
import dev.kubeclient.testing.FakeClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachedDiscoveryClientTest {
  @TempDir Path dir;

  private static FakeDiscovery fake() {
    return new FakeDiscovery().serve("v1", "pods").serve("apps/v1", "deployments");
  }

  /** kubectl's {@code computeDiscoverCacheDir}: scheme dropped, odd characters replaced. */
  @Test
  void discoveryCacheDir_namedAsKubectlNamesIt() {
    Path parent = Paths.get("/home/u/.kube/cache/discovery");
    assertThat(CachedDiscoveryClient.discoveryCacheDir(parent, "https://127.0.0.1:6443"))
        .isEqualTo(parent.resolve("127.0.0.1_6443"));
    assertThat(CachedDiscoveryClient.discoveryCacheDir(parent, "http://api.example.com:8080"))
        .isEqualTo(parent.resolve("api.example.com_8080"));
    assertThat(
            CachedDiscoveryClient.discoveryCacheDir(
                parent, "https://rancher.example.com/k8s/clusters/c-m4x7q"))
        .isEqualTo(parent.resolve("rancher.example.com/k8s/clusters/c_m4x7q"));
    assertThat(CachedDiscoveryClient.discoveryCacheDir(parent, "https://[::1]:6443"))
        .isEqualTo(parent.resolve("___1__6443"));
  }

  /**
   * Scenario of client-go's {@code TestNewCachedDiscoveryClient_PathPerm}, with kubectl's names.
   */
  @Test
  void files_laidOutAsKubectlWithKindAndOwnerGroupPermissions() throws IOException {
    CachedDiscoveryClient client = new CachedDiscoveryClient(fake(), dir, Duration.ofHours(6));
    client.serverGroupsAndResources();
    assertThat(dir.resolve("servergroups.json")).exists();
    assertThat(dir.resolve("v1/serverresources.json")).exists();
    assertThat(dir.resolve("apps/v1/serverresources.json")).exists();
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
          .containsOnly("servergroups.json", "serverresources.json");
    }
    assertThat(Files.readString(dir.resolve("apps/v1/serverresources.json")))
        .startsWith(
            "{\"apiVersion\":\"v1\",\"kind\":\"APIResourceList\",\"groupVersion\":\"apps/v1\"");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("servergroups.json"))))
        .isEqualTo("rw-rw----");
  }

  /** Scenario of client-go's {@code TestNewCachedDiscoveryClient_TTL}. */
  @Test
  void ttl_filesUsedWhileYoungFetchedAgainWhenOld() {
    FakeDiscovery fake = fake();
    FakeClock clock = new FakeClock(Instant.now());
    CachedDiscoveryClient client = new CachedDiscoveryClient(fake, dir, Duration.ofHours(6), clock);
    client.serverGroups();
    client.serverResourcesForGroupVersion("apps/v1");
    CachedDiscoveryClient other = new CachedDiscoveryClient(fake, dir, Duration.ofHours(6), clock);
    other.serverGroups();
    other.serverResourcesForGroupVersion("apps/v1");
    assertThat(fake.groupCalls()).isEqualTo(1);
    assertThat(fake.resourceCalls("apps/v1")).isEqualTo(1);
    clock.advance(Duration.ofHours(6).plusSeconds(5));
    other.serverGroups();
    other.serverResourcesForGroupVersion("apps/v1");
    assertThat(fake.groupCalls()).isEqualTo(2);
    assertThat(fake.resourceCalls("apps/v1")).isEqualTo(2);
  }

  /** Scenario of client-go's {@code TestCachedDiscoveryClient_Fresh}. */
  @Test
  void fresh_falseAfterUsingAnotherWritersFiles_trueAfterInvalidate() {
    FakeDiscovery fake = fake();
    CachedDiscoveryClient writer = new CachedDiscoveryClient(fake, dir, Duration.ofHours(6));
    writer.serverGroups();
    assertThat(writer.fresh()).isTrue();
    CachedDiscoveryClient reader = new CachedDiscoveryClient(fake, dir, Duration.ofHours(6));
    assertThat(reader.fresh()).isTrue();
    reader.serverGroups();
    assertThat(reader.fresh()).isFalse();
    assertThat(fake.groupCalls()).isEqualTo(1);
    reader.invalidate();
    assertThat(reader.fresh()).isTrue();
    reader.serverGroups();
    reader.serverGroups();
    assertThat(fake.groupCalls()).isEqualTo(2);
    assertThat(reader.fresh()).isTrue();
  }

  /** A corrupt, truncated or foreign file is a miss: fetched again and written anew. */
  @Test
  void damagedFiles_areFetchedAgainAndRewritten() throws IOException {
    FakeDiscovery fake = fake();
    new CachedDiscoveryClient(fake, dir, Duration.ofHours(6)).serverGroups();
    Path groups = dir.resolve("servergroups.json");
    String good = Files.readString(groups);
    List<String> damaged =
        List.of(
            "\u0000\u0000garbage",
            good.substring(0, good.length() / 2),
            "",
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\"}",
            "{}");
    int calls = fake.groupCalls();
    for (String content : damaged) {
      Files.writeString(groups, content, StandardCharsets.UTF_8);
      CachedDiscoveryClient client = new CachedDiscoveryClient(fake, dir, Duration.ofHours(6));
      assertThat(client.serverGroups().getGroups())
          .extracting(APIGroup::getName)
          .containsExactly("", "apps");
      assertThat(fake.groupCalls()).as("after %s", content).isEqualTo(++calls);
      assertThat(Codec.decode(Files.readAllBytes(groups), APIGroupList.class).getGroups())
          .hasSize(2);
    }
    Path resources = dir.resolve("apps/v1/serverresources.json");
    new CachedDiscoveryClient(fake, dir, Duration.ofHours(6))
        .serverResourcesForGroupVersion("apps/v1");
    Files.writeString(resources, "{\"kind\":\"APIResourceList\",\"resources\":[{\"name\":");
    assertThat(
            new CachedDiscoveryClient(fake, dir, Duration.ofHours(6))
                .serverResourcesForGroupVersion("apps/v1")
                .getResources())
        .hasSize(1);
    assertThat(fake.resourceCalls("apps/v1")).isEqualTo(2);
  }

  @Test
  void emptyAnswersAndFailures_areNotCached() {
    FakeDiscovery fake = fake().serve("metrics.k8s.io/v1beta1");
    CachedDiscoveryClient client = new CachedDiscoveryClient(fake, dir, Duration.ofHours(6));
    assertThat(client.serverResourcesForGroupVersion("metrics.k8s.io/v1beta1").getResources())
        .isEmpty();
    assertThat(dir.resolve("metrics.k8s.io/v1beta1/serverresources.json")).doesNotExist();
    fake.fail("apps/v1", FakeDiscovery.apiError(503));
    assertThatThrownBy(() -> client.serverResourcesForGroupVersion("apps/v1"))
        .hasMessageContaining("503");
    assertThat(dir.resolve("apps/v1")).doesNotExist();
    assertThatThrownBy(() -> client.serverResourcesForGroupVersion("../../etc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("groupVersion must look like 'v1' or 'apps/v1': '../../etc'");
  }

  @Test
  void invalidate_reachesTheMemoryCacheBelow() {
    FakeDiscovery fake = fake().aggregated(true);
    CachedDiscoveryClient client =
        new CachedDiscoveryClient(new MemCacheClient(fake), dir, Duration.ofHours(6));
    client.serverGroupsAndResources();
    assertThat(fake.groupCalls()).isEqualTo(1);
    assertThat(fake.resourceCalls()).isZero();
    client.invalidate();
    client.serverGroupsAndResources();
    assertThat(fake.groupCalls()).isEqualTo(2);
  }

  /** Old files of another writer are not used, by their modification time. */
  @Test
  void filesOfAnotherWriter_olderThanTtl_areIgnored() throws IOException {
    FakeDiscovery fake = fake();
    new CachedDiscoveryClient(fake, dir, Duration.ofHours(6)).serverGroups();
    Files.setLastModifiedTime(
        dir.resolve("servergroups.json"), FileTime.from(Instant.now().minus(Duration.ofHours(7))));
    new CachedDiscoveryClient(fake, dir, Duration.ofHours(6)).serverGroups();
    assertThat(fake.groupCalls()).isEqualTo(2);
  }

  /**
   * Independent caches on one directory, writing the same files at once with different contents:
   * every read, through a client or of the file itself, is one writer's complete file.
   */
  @Test
  void concurrentWritersInOneProcess_neverExposePartialFiles() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(90),
        () -> {
          int writers = 4;
          ExecutorService pool = Executors.newFixedThreadPool(writers);
          List<Future<Void>> tasks = new ArrayList<>();
          for (int w = 0; w < writers; w++) {
            String id = "t" + w;
            tasks.add(
                pool.submit(
                    (Callable<Void>)
                        () -> {
                          DiskCacheWriter.run(dir, id, 15);
                          return null;
                        }));
          }
          for (Future<Void> t : tasks) {
            t.get();
          }
          pool.shutdown();
          assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
          assertNoTemporaryFilesLeft();
        });
  }

  /** Two more JVMs write the same directory while this one does. */
  @Test
  void concurrentWritersInThreeProcesses_neverExposePartialFiles() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(120),
        () -> {
          List<Process> children = new ArrayList<>();
          for (int i = 0; i < 2; i++) {
            children.add(
                new ProcessBuilder(
                        Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        DiskCacheWriter.class.getName(),
                        dir.toString(),
                        "p" + i,
                        "15")
                    .redirectErrorStream(true)
                    .start());
          }
          DiskCacheWriter.run(dir, "parent", 15);
          for (Process p : children) {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(output).isZero();
          }
          DiskCacheWriter.run(dir, "after", 1);
          assertNoTemporaryFilesLeft();
        });
  }

  private void assertNoTemporaryFilesLeft() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
          .allMatch(n -> n.equals("servergroups.json") || n.equals("serverresources.json"));
    }
  }
}
