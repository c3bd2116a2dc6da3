package dev.kubeclient.discovery.cached.disk;

import dev.kubeclient.core.codec.Codec;
import dev.kubeclient.core.meta.v1.APIGroupList;
import dev.kubeclient.core.meta.v1.APIResourceList;
import dev.kubeclient.discovery.FakeDiscovery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

/**
 * Writes and reads one disk cache directory over and over, as one of several processes sharing it:
 * each round invalidates (so that it writes every file again) and reads every file back, both
 * through the client and directly, checking that nothing it reads is partial or corrupt. Run as a
 * separate JVM by {@code CachedDiscoveryClientTest}; exits 1 on the first bad read.
 */
public final class DiskCacheWriter {
  /** Group versions every writer serves, with many resources so that files are large. */
  static final int GROUPS = 5;

  static final int RESOURCES = 60;

  private DiskCacheWriter() {}

  /** The fake server of writer {@code id}: same group versions, resources named after the id. */
  static FakeDiscovery delegate(String id) {
    FakeDiscovery fake = new FakeDiscovery();
    for (int g = 0; g < GROUPS; g++) {
      String[] names = new String[RESOURCES];
      for (int r = 0; r < RESOURCES; r++) {
        names[r] = "res" + r + "w" + id + "s";
      }
      fake.serve(g == 0 ? "v1" : "g" + g + ".example.com/v1", names);
    }
    return fake;
  }

  /** Runs {@code rounds} rounds; throws on the first bad read. */
  static void run(Path dir, String id, int rounds) throws IOException {
    CachedDiscoveryClient client =
        new CachedDiscoveryClient(delegate(id), dir, Duration.ofHours(6));
    for (int i = 0; i < rounds; i++) {
      client.invalidate();
      check(client.serverGroups().getGroups().size() == GROUPS, "groups through the client");
      for (int g = 0; g < GROUPS; g++) {
        String gv = g == 0 ? "v1" : "g" + g + ".example.com/v1";
        check(
            client.serverResourcesForGroupVersion(gv).getResources().size() == RESOURCES,
            "resources of " + gv + " through the client");
        readDirectly(dir.resolve(gv).resolve("serverresources.json"), APIResourceList.class);
      }
      readDirectly(dir.resolve("servergroups.json"), APIGroupList.class);
    }
  }

  /** Reads a cache file as another process would; it must be complete whenever it exists. */
  private static void readDirectly(Path file, Class<?> type) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return;
    }
    Object decoded = Codec.decode(bytes, type);
    if (decoded instanceof APIResourceList list) {
      check(list.getResources().size() == RESOURCES, "size of " + file);
      String first = list.getResources().get(0).getName();
      String suffix = first.substring(first.indexOf('w'));
      check(
          list.getResources().stream().allMatch(r -> r.getName().endsWith(suffix)),
          "one writer's content in " + file);
    } else {
      check(((APIGroupList) decoded).getGroups().size() == GROUPS, "groups in " + file);
    }
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("bad read: " + what);
    }
  }

  /** {@code DiskCacheWriter <dir> <id> <rounds>}. */
  public static void main(String[] args) throws IOException {
    try {
      run(Paths.get(args[0]), args[1], Integer.parseInt(args[2]));
    } catch (RuntimeException e) {
      e.printStackTrace();
      System.exit(1);
    }
  }
}
