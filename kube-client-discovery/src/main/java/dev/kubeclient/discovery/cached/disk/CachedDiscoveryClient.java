package dev.kubeclient.discovery.cached.disk;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeclient.core.Clock;
import dev.kubeclient.core.codec.Codec;
import dev.kubeclient.core.meta.v1.APIGroupList;
import dev.kubeclient.core.meta.v1.APIResourceList;
import dev.kubeclient.core.version.Info;
import dev.kubeclient.discovery.CachedDiscoveryInterface;
import dev.kubeclient.discovery.DiscoveryClient;
import dev.kubeclient.discovery.DiscoveryInterface;
import dev.kubeclient.discovery.cached.memory.MemCacheClient;
import dev.kubeclient.rest.RestConfig;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discovery cached on disk, shared by processes and with kubectl: client-go's {@code
 * disk.CachedDiscoveryClient} with kubectl's layout. Under a directory per server, {@code
 * ~/.kube/cache/discovery/<host_port>/} (see {@link #discoveryCacheDir}), it keeps {@code
 * servergroups.json} and {@code <group>/<version>/serverresources.json} ({@code
 * v1/serverresources.json} for the core group), each the JSON of an {@code APIGroupList} or {@code
 * APIResourceList} with kind and apiVersion, as kubectl writes them; kubectl and this client read
 * each other's files.
 *
 * <p>A file is used while younger than the TTL (6 hours by default, kubectl's) by its modification
 * time. A missing, expired or unreadable file (corrupt, truncated, of another kind) is a miss: the
 * delegate is asked and the file written again, so a damaged cache heals itself. Files are written
 * to a temporary file in the same directory and renamed over the old one atomically, so that other
 * processes reading or writing the same cache at the same time see either the old or the new file,
 * never a partial one. After {@link #invalidate()}, only files this instance wrote since are used.
 *
 * <p>Failures to write the cache are logged at DEBUG and otherwise ignored: the answer is still
 * returned. Safe for concurrent use.
 */
public final class CachedDiscoveryClient implements CachedDiscoveryInterface, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CachedDiscoveryClient.class);

  /** kubectl's cache time to live. */
  public static final Duration DEFAULT_TTL = Duration.ofHours(6);

  /** The name of the groups file. */
  public static final String SERVER_GROUPS_FILE = "servergroups.json";

  /** The name of each group version's resources file. */
  public static final String SERVER_RESOURCES_FILE = "serverresources.json";

  /** kubectl's {@code overlyCautiousIllegalFileCharacters}: anything but word chars, ( ) / . */
  private static final Pattern ILLEGAL_FILE_CHARACTERS = Pattern.compile("[^(\\w/.)]");

  private static final Pattern GROUP_VERSION =
      Pattern.compile("(?:[a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  private final DiscoveryInterface delegate;
  private final Path cacheDirectory;
  private final Duration ttl;
  private final Clock clock;
  private final @Nullable AutoCloseable owned;
  private final Object lock = new Object();

  /** Cache files written by this instance. Guarded by {@code lock}. */
  private final Set<Path> ourFiles = new HashSet<>();

  /** Whether only our own files may be used (after invalidate()). Guarded by {@code lock}. */
  private boolean invalidated;

  /** Whether every file used so far was our own. Guarded by {@code lock}. */
  private boolean fresh = true;

  /**
   * Caches {@code delegate} under {@code cacheDirectory} (one directory per server) for {@code
   * ttl}, on the system clock.
   */
  public CachedDiscoveryClient(DiscoveryInterface delegate, Path cacheDirectory, Duration ttl) {
    this(delegate, cacheDirectory, ttl, Clock.system());
  }

  /** As {@link #CachedDiscoveryClient(DiscoveryInterface, Path, Duration)}, on {@code clock}. */
  public CachedDiscoveryClient(
      DiscoveryInterface delegate, Path cacheDirectory, Duration ttl, Clock clock) {
    this(delegate, cacheDirectory, ttl, clock, null);
  }

  private CachedDiscoveryClient(
      DiscoveryInterface delegate,
      Path cacheDirectory,
      Duration ttl,
      Clock clock,
      @Nullable AutoCloseable owned) {
    this.delegate = checkNotNull(delegate, "delegate");
    this.cacheDirectory = checkNotNull(cacheDirectory, "cacheDirectory");
    this.ttl = checkNotNull(ttl, "ttl");
    checkArgument(!ttl.isNegative(), "ttl must not be negative: %s", ttl);
    this.clock = checkNotNull(clock, "clock");
    this.owned = owned;
  }

  /**
   * The discovery client kubectl makes for {@code config}: a {@link DiscoveryClient} behind a
   * {@link MemCacheClient}, cached in {@link #defaultCacheDir()}{@code /discovery/<host_port>} for
   * {@link #DEFAULT_TTL}. Closing it closes the transport it made.
   */
  public static CachedDiscoveryClient forConfig(RestConfig config) {
    return forConfig(config, defaultCacheDir(), DEFAULT_TTL);
  }

  /**
   * As {@link #forConfig(RestConfig)} with kubectl's {@code --cache-dir} ({@code cacheDir}, under
   * which {@code discovery/<host_port>} is used) and a TTL.
   */
  public static CachedDiscoveryClient forConfig(RestConfig config, Path cacheDir, Duration ttl) {
    checkNotNull(config, "config");
    checkNotNull(cacheDir, "cacheDir");
    DiscoveryClient client = DiscoveryClient.forConfig(config);
    return new CachedDiscoveryClient(
        new MemCacheClient(client),
        discoveryCacheDir(cacheDir.resolve("discovery"), config.host()),
        ttl,
        Clock.system(),
        client);
  }

  /** kubectl's cache directory: {@code $KUBECACHEDIR}, else {@code ~/.kube/cache}. */
  public static Path defaultCacheDir() {
    String env = System.getenv("KUBECACHEDIR");
    if (env != null && !env.isEmpty()) {
      return Paths.get(env);
    }
    return Paths.get(System.getProperty("user.home"), ".kube", "cache");
  }

  /**
   * The directory of one server's discovery cache, named as kubectl names it ({@code
   * computeDiscoverCacheDir}): the host without its scheme, every character other than letters,
   * digits, {@code _ ( ) / .} replaced by {@code _}; {@code https://127.0.0.1:6443} gives {@code
   * 127.0.0.1_6443}.
   */
  public static Path discoveryCacheDir(Path parentDir, String host) {
    checkNotNull(parentDir, "parentDir");
    checkNotNull(host, "host");
    String schemeless = host.replaceFirst("https://", "").replaceFirst("http://", "");
    String safe = ILLEGAL_FILE_CHARACTERS.matcher(schemeless).replaceAll("_");
    return parentDir.resolve(safe).normalize();
  }

  /** The directory this cache reads and writes. */
  public Path cacheDirectory() {
    return cacheDirectory;
  }

  @Override
  public APIGroupList serverGroups() {
    Path file = cacheDirectory.resolve(SERVER_GROUPS_FILE);
    APIGroupList cached = read(file, APIGroupList.class, APIGroupList.KIND);
    if (cached != null) {
      return cached;
    }
    APIGroupList live = delegate.serverGroups();
    if (live.getGroups().isEmpty()) {
      log.debug("Skipped caching discovery info, no groups found");
      return live;
    }
    write(file, live.deepCopy().kind(APIGroupList.KIND).apiVersion(APIGroupList.API_VERSION));
    return live;
  }

  @Override
  public APIResourceList serverResourcesForGroupVersion(String groupVersion) {
    checkNotNull(groupVersion, "groupVersion");
    checkArgument(
        GROUP_VERSION.matcher(groupVersion).matches(),
        "groupVersion must look like 'v1' or 'apps/v1': '%s'",
        groupVersion);
    Path file = cacheDirectory.resolve(groupVersion).resolve(SERVER_RESOURCES_FILE);
    APIResourceList cached = read(file, APIResourceList.class, APIResourceList.KIND);
    if (cached != null) {
      return cached;
    }
    APIResourceList live = delegate.serverResourcesForGroupVersion(groupVersion);
    if (live.getResources().isEmpty()) {
      log.debug("Skipped caching discovery info of {}, no resources found", groupVersion);
      return live;
    }
    write(file, live.deepCopy().kind(APIResourceList.KIND).apiVersion(APIResourceList.API_VERSION));
    return live;
  }

  /** Asks the delegate: the version is not cached on disk. */
  @Override
  public Info serverVersion() {
    return delegate.serverVersion();
  }

  /** True when every file used since the last {@link #invalidate()} was written by this client. */
  @Override
  public boolean fresh() {
    synchronized (lock) {
      return fresh;
    }
  }

  @Override
  public void invalidate() {
    synchronized (lock) {
      ourFiles.clear();
      fresh = true;
      invalidated = true;
    }
    if (delegate instanceof CachedDiscoveryInterface cached) {
      cached.invalidate();
    }
  }

  /** The cached file decoded, or null when it is missing, expired, ignored or unreadable. */
  private <T> @Nullable T read(Path file, Class<T> type, String kind) {
    boolean ours;
    synchronized (lock) {
      ours = ourFiles.contains(file);
      if (invalidated && !ours) {
        return null;
      }
    }
    byte[] bytes;
    try {
      Instant modified = Files.getLastModifiedTime(file).toInstant();
      if (clock.now().isAfter(modified.plus(ttl))) {
        log.trace("Discovery cache file {} expired", file);
        return null;
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      // Missing or unreadable: the live answer replaces it.
      return null;
    }
    T decoded;
    try {
      JsonNode tree = Codec.decode(bytes, JsonNode.class);
      String actual = tree.path("kind").asText("");
      if (!kind.equals(actual)) {
        log.debug(
            "Discovery cache file {} holds kind '{}', not {}; ignoring it", file, actual, kind);
        return null;
      }
      decoded = Codec.json().convertValue(tree, type);
    } catch (RuntimeException e) {
      log.debug("Discovery cache file {} is corrupt ({}); fetching again", file, e.toString());
      return null;
    }
    synchronized (lock) {
      fresh = fresh && ours;
    }
    log.trace("Returning cached discovery info from {}", file);
    return decoded;
  }

  /** Writes {@code value} to {@code file} through a temporary file and an atomic rename. */
  private void write(Path file, Object value) {
    Path dir = file.getParent();
    Path temp = null;
    try {
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, file.getFileName() + ".", "");
      Files.write(temp, Codec.encode(value));
      restrictPermissions(temp);
      synchronized (lock) {
        moveAtomically(temp, file);
        ourFiles.add(file);
      }
    } catch (IOException | RuntimeException e) {
      log.debug("Failed to write discovery cache file {}: {}", file, e.toString());
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          log.trace("Could not remove {}: {}", temp, e.toString());
        }
      }
    }
  }

  /** rw-rw---- as kubectl's cache files, where the file system has POSIX permissions. */
  private static void restrictPermissions(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the default permissions stand.
    }
  }

  /**
   * Renames {@code temp} over {@code target} atomically, so that readers in other processes see the
   * old file or the new one; where the file system cannot, replaces it as well as it can.
   */
  private static void moveAtomically(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Closes the discovery client {@link #forConfig} made; otherwise does nothing. */
  @Override
  public void close() {
    if (owned != null) {
      try {
        owned.close();
      } catch (Exception e) {
        log.debug("Closing {} failed: {}", owned, e.toString());
      }
    }
  }

  @Override
  public String toString() {
    return "CachedDiscoveryClient{" + cacheDirectory + ", ttl=" + ttl + "}";
  }
}
