package dev.kubeclient.core.options;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Options of list and watch calls (client-go's {@code metav1.ListOptions}). Immutable; each setter
 * returns a copy.
 *
 * <p>resourceVersion semantics are the server's: unset means a consistent read from etcd, {@code
 * "0"} means any cached state, and with {@link #resourceVersionMatch} {@code NotOlderThan} or
 * {@code Exact} the version is a bound. A watch starts after {@code resourceVersion}.
 */
public final class ListOptions {
  private static final ListOptions NONE = new ListOptions(new Fields());

  private final @Nullable String labelSelector;
  private final @Nullable String fieldSelector;
  private final @Nullable String resourceVersion;
  private final @Nullable String resourceVersionMatch;
  private final long limit;
  private final @Nullable String continueToken;
  private final @Nullable Long timeoutSeconds;
  private final boolean allowWatchBookmarks;
  private final @Nullable Boolean sendInitialEvents;

  /** A mutable copy of the fields, so that each setter names only what it changes. */
  private static final class Fields {
    @Nullable String labelSelector;
    @Nullable String fieldSelector;
    @Nullable String resourceVersion;
    @Nullable String resourceVersionMatch;
    long limit;
    @Nullable String continueToken;
    @Nullable Long timeoutSeconds;
    boolean allowWatchBookmarks;
    @Nullable Boolean sendInitialEvents;

    Fields() {}

    Fields(ListOptions o) {
      labelSelector = o.labelSelector;
      fieldSelector = o.fieldSelector;
      resourceVersion = o.resourceVersion;
      resourceVersionMatch = o.resourceVersionMatch;
      limit = o.limit;
      continueToken = o.continueToken;
      timeoutSeconds = o.timeoutSeconds;
      allowWatchBookmarks = o.allowWatchBookmarks;
      sendInitialEvents = o.sendInitialEvents;
    }
  }

  private ListOptions(Fields f) {
    this.labelSelector = f.labelSelector;
    this.fieldSelector = f.fieldSelector;
    this.resourceVersion = f.resourceVersion;
    this.resourceVersionMatch = f.resourceVersionMatch;
    this.limit = f.limit;
    this.continueToken = f.continueToken;
    this.timeoutSeconds = f.timeoutSeconds;
    this.allowWatchBookmarks = f.allowWatchBookmarks;
    this.sendInitialEvents = f.sendInitialEvents;
  }

  private ListOptions with(Consumer<Fields> change) {
    Fields f = new Fields(this);
    change.accept(f);
    return new ListOptions(f);
  }

  /** No options: list everything, consistently. */
  public static ListOptions none() {
    return NONE;
  }

  /** A label selector such as {@code app=web,tier!=db}; parsed by the server. */
  public ListOptions labelSelector(String selector) {
    checkNotNull(selector, "selector");
    return with(f -> f.labelSelector = selector);
  }

  /** A field selector such as {@code metadata.name=web,status.phase!=Running}. */
  public ListOptions fieldSelector(String selector) {
    checkNotNull(selector, "selector");
    return with(f -> f.fieldSelector = selector);
  }

  /** The resourceVersion to list at or watch from. */
  public ListOptions resourceVersion(String resourceVersion) {
    checkNotNull(resourceVersion, "resourceVersion");
    return with(f -> f.resourceVersion = resourceVersion);
  }

  /** How {@link #resourceVersion} is matched: {@code NotOlderThan} or {@code Exact}. */
  public ListOptions resourceVersionMatch(String match) {
    checkNotNull(match, "match");
    checkArgument(
        match.equals("NotOlderThan") || match.equals("Exact"),
        "resourceVersionMatch must be NotOlderThan or Exact: '%s'",
        match);
    return with(f -> f.resourceVersionMatch = match);
  }

  /** At most this many items per page; 0 for no limit. */
  public ListOptions limit(long limit) {
    checkArgument(limit >= 0, "limit must not be negative: %s", limit);
    return with(f -> f.limit = limit);
  }

  /** The continue token of the previous page. */
  public ListOptions continueToken(String token) {
    checkNotNull(token, "token");
    return with(f -> f.continueToken = token);
  }

  /** Server-side timeout of a list or watch call, in seconds. */
  public ListOptions timeoutSeconds(long seconds) {
    checkArgument(seconds > 0, "timeoutSeconds must be positive: %s", seconds);
    return with(f -> f.timeoutSeconds = seconds);
  }

  /** Asks a watch for BOOKMARK events carrying the latest resourceVersion. */
  public ListOptions allowWatchBookmarks(boolean allow) {
    return with(f -> f.allowWatchBookmarks = allow);
  }

  /**
   * Asks a watch to start with synthetic ADDED events for the current state, ended by a bookmark
   * annotated {@code k8s.io/initial-events-end} (watch-list streaming).
   */
  public ListOptions sendInitialEvents(boolean send) {
    return with(f -> f.sendInitialEvents = send);
  }

  /** The label selector, or null. */
  public @Nullable String labelSelector() {
    return labelSelector;
  }

  /** The field selector, or null. */
  public @Nullable String fieldSelector() {
    return fieldSelector;
  }

  /** The resourceVersion, or null. */
  public @Nullable String resourceVersion() {
    return resourceVersion;
  }

  /** How the resourceVersion is matched ({@code NotOlderThan} or {@code Exact}), or null. */
  public @Nullable String resourceVersionMatch() {
    return resourceVersionMatch;
  }

  /** The page size; 0 when unlimited. */
  public long limit() {
    return limit;
  }

  /** The continue token, or null. */
  public @Nullable String continueToken() {
    return continueToken;
  }

  /** The server-side timeout in seconds, or null. */
  public @Nullable Long timeoutSeconds() {
    return timeoutSeconds;
  }

  /**
   * Reads the JSON form ({@code {"kind":"ListOptions","labelSelector":"app=web","limit":5}}), as
   * the default {@code Scheme} decodes it in every group version like Go's scheme. {@code "watch":
   * true} cannot be held (a watch is its own call here) and is refused.
   *
   * @throws IllegalArgumentException for a field or value these options cannot hold
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static ListOptions fromJson(Map<String, Object> json) {
    OptionsJson o =
        new OptionsJson(
            "ListOptions",
            json,
            Set.of(
                "labelSelector",
                "fieldSelector",
                "watch",
                "allowWatchBookmarks",
                "resourceVersion",
                "resourceVersionMatch",
                "timeoutSeconds",
                "limit",
                "continue",
                "sendInitialEvents"));
    if (Boolean.TRUE.equals(o.bool("watch"))) {
      throw new IllegalArgumentException("ListOptions with watch: true cannot be held");
    }
    ListOptions options = NONE;
    String s;
    if ((s = o.string("labelSelector")) != null) {
      options = options.labelSelector(s);
    }
    if ((s = o.string("fieldSelector")) != null) {
      options = options.fieldSelector(s);
    }
    if ((s = o.string("resourceVersion")) != null) {
      options = options.resourceVersion(s);
    }
    if ((s = o.string("resourceVersionMatch")) != null) {
      options = options.resourceVersionMatch(s);
    }
    if ((s = o.string("continue")) != null) {
      options = options.continueToken(s);
    }
    Long n;
    if ((n = o.number("timeoutSeconds")) != null) {
      options = options.timeoutSeconds(n);
    }
    if ((n = o.number("limit")) != null) {
      options = options.limit(n);
    }
    Boolean b;
    if ((b = o.bool("allowWatchBookmarks")) != null) {
      options = options.allowWatchBookmarks(b);
    }
    if ((b = o.bool("sendInitialEvents")) != null) {
      options = options.sendInitialEvents(b);
    }
    return options;
  }

  /** The query parameters these options stand for, in a fixed order. */
  public Map<String, String> queryParams() {
    Map<String, String> p = new LinkedHashMap<>();
    if (labelSelector != null && !labelSelector.isEmpty()) {
      p.put("labelSelector", labelSelector);
    }
    if (fieldSelector != null && !fieldSelector.isEmpty()) {
      p.put("fieldSelector", fieldSelector);
    }
    if (resourceVersion != null) {
      p.put("resourceVersion", resourceVersion);
    }
    if (resourceVersionMatch != null) {
      p.put("resourceVersionMatch", resourceVersionMatch);
    }
    if (timeoutSeconds != null) {
      p.put("timeoutSeconds", Long.toString(timeoutSeconds));
    }
    if (limit > 0) {
      p.put("limit", Long.toString(limit));
    }
    if (continueToken != null && !continueToken.isEmpty()) {
      p.put("continue", continueToken);
    }
    if (allowWatchBookmarks) {
      p.put("allowWatchBookmarks", "true");
    }
    if (sendInitialEvents != null) {
      p.put("sendInitialEvents", sendInitialEvents.toString());
    }
    return p;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ListOptions && queryParams().equals(((ListOptions) o).queryParams());
  }

  @Override
  public int hashCode() {
    return Objects.hash(queryParams());
  }

  @Override
  public String toString() {
    return "ListOptions" + queryParams();
  }
}
