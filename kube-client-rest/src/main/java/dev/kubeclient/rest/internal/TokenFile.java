package dev.kubeclient.rest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A bearer token read from a file and re-read when the file changes or after a minute, whichever
 * comes first: service-account tokens are bound and rotated by the kubelet about every hour
 * (client-go's {@code CachingFileTokenSource} re-reads every minute).
 *
 * <p>Safe for concurrent use; the cached token is guarded by {@code this}.
 */
public final class TokenFile {
  /** client-go's period; the kubelet refreshes well before expiry, so a minute is timely. */
  static final long MAX_AGE_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final Path path;
  private final Clock clock;

  /** Guarded by this. */
  private @Nullable String token;

  /** Guarded by this. */
  private @Nullable FileTime modified;

  /** Guarded by this. */
  private long readAtNanos;

  /** Creates the source; the file is read on first use. */
  public TokenFile(Path path, Clock clock) {
    this.path = path;
    this.clock = clock;
  }

  /**
   * Returns the current token.
   *
   * @throws UncheckedIOException when the file cannot be read and no earlier token is cached
   */
  public synchronized String token() {
    long now = clock.nanoTime();
    FileTime mtime = null;
    try {
      mtime = Files.getLastModifiedTime(path);
    } catch (IOException e) {
      // Rotation replaces the file atomically; a brief absence keeps the cached token.
      if (token != null) {
        return token;
      }
    }
    if (token == null
        || !java.util.Objects.equals(mtime, modified)
        || now - readAtNanos > MAX_AGE_NANOS) {
      try {
        String read = Files.readString(path, StandardCharsets.UTF_8).strip();
        if (read.isEmpty()) {
          throw new IOException("the file is empty");
        }
        token = read;
        modified = mtime;
        readAtNanos = now;
      } catch (IOException e) {
        if (token == null) {
          throw new UncheckedIOException(
              "cannot read bearer token file " + path + ": " + e.getMessage(), e);
        }
      }
    }
    return token;
  }

  /** Forces a re-read on next use, after the server rejected the token. */
  public synchronized void invalidate() {
    readAtNanos = clock.nanoTime() - MAX_AGE_NANOS - 1;
    modified = null;
  }
}
