package dev.kubeclient.typed;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Options of a pod log request (client-go's {@code corev1.PodLogOptions}), sent as query
 * parameters. Immutable; each setter returns a copy.
 */
public final class PodLogOptions {
  private static final PodLogOptions NONE = new PodLogOptions(new LinkedHashMap<>());

  private final Map<String, String> params;

  private PodLogOptions(Map<String, String> params) {
    this.params = params;
  }

  /** No options: the whole log of the pod's only container. */
  public static PodLogOptions none() {
    return NONE;
  }

  private PodLogOptions with(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(params);
    copy.put(name, value);
    return new PodLogOptions(copy);
  }

  /** The container to read; required when the pod has more than one. */
  public PodLogOptions container(String container) {
    return with("container", checkNotNull(container, "container"));
  }

  /** Keeps the stream open and sends new lines as the container writes them. */
  public PodLogOptions follow() {
    return with("follow", "true");
  }

  /** Reads the log of the previous, terminated instance of the container. */
  public PodLogOptions previous() {
    return with("previous", "true");
  }

  /** Only lines newer than this many seconds. */
  public PodLogOptions sinceSeconds(long seconds) {
    checkArgument(seconds > 0, "sinceSeconds must be positive: %s", seconds);
    return with("sinceSeconds", Long.toString(seconds));
  }

  /** Only the last {@code lines} lines. */
  public PodLogOptions tailLines(long lines) {
    checkArgument(lines >= 0, "tailLines must not be negative: %s", lines);
    return with("tailLines", Long.toString(lines));
  }

  /** Prefixes each line with its RFC 3339 timestamp. */
  public PodLogOptions timestamps() {
    return with("timestamps", "true");
  }

  /** Stops after this many bytes. */
  public PodLogOptions limitBytes(long bytes) {
    checkArgument(bytes > 0, "limitBytes must be positive: %s", bytes);
    return with("limitBytes", Long.toString(bytes));
  }

  /** The query parameters these options stand for, in the order they were set. */
  public Map<String, String> queryParams() {
    return java.util.Collections.unmodifiableMap(params);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof PodLogOptions && params.equals(((PodLogOptions) o).params);
  }

  @Override
  public int hashCode() {
    return params.hashCode();
  }

  @Override
  public String toString() {
    return "PodLogOptions" + params;
  }
}
