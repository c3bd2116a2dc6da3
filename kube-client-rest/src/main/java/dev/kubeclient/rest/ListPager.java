package dev.kubeclient.rest;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.KubernetesListObject;
import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.meta.v1.ListMeta;
import dev.kubeclient.core.options.ListOptions;
import dev.kubeclient.rest.internal.RestErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Lists a collection in pages of {@code limit} items, following {@code continue} tokens, and gives
 * the caller one result: client-go's {@code tools/pager.ListPager}. If a continue token has expired
 * (410 Gone, as happens when paging takes longer than the server's compaction interval), it falls
 * back to one full list without limit, as client-go does with {@code FullListIfExpired}.
 *
 * <pre>{@code
 * ListPager<Pod, PodList> pager = new ListPager<>(options -> pods.list(options));
 * ListPager.Result<Pod> all =
 *     pager.list(ListOptions.none().resourceVersion("0").resourceVersionMatch("NotOlderThan"));
 * }</pre>
 *
 * <p>As in client-go, the options' resourceVersion and resourceVersionMatch go with the first page
 * only (the server rejects them together with a continue token) and with the full list of a
 * fallback; selectors go with every page; a limit of 0 in the options means the pager's page size.
 *
 * <p>Immutable and safe for concurrent use if the page function is.
 *
 * @param <T> the item type
 * @param <L> the list type
 */
public final class ListPager<T extends KubernetesObject, L extends KubernetesListObject<T>> {
  /** client-go's default page size. */
  public static final long DEFAULT_PAGE_SIZE = 500;

  /** Fetches one page with the list options given (client-go's {@code PageFn}). */
  @FunctionalInterface
  public interface ListFunction<L> {
    /**
     * Lists one page.
     *
     * @param options the caller's options with this page's limit and continue token
     */
    L list(ListOptions options);
  }

  /** Fetches one page from a limit and a continue token only. */
  @FunctionalInterface
  public interface PageFunction<L> {
    /**
     * Lists one page.
     *
     * @param limit the page size, 0 for a full list
     * @param continueToken the token of the previous page, null for the first
     */
    L list(long limit, @Nullable String continueToken);
  }

  /**
   * All items and the resourceVersion of the list (to start a watch from).
   *
   * @param items the items in server order
   * @param resourceVersion the list's resourceVersion, null if the server sent none
   * @param <T> the item type
   */
  public record Result<T>(List<T> items, @Nullable String resourceVersion) {
    /** Copies the items. */
    public Result {
      items = List.copyOf(items);
    }
  }

  private final ListFunction<L> listFunction;
  private final long pageSize;
  private final boolean fullListIfExpired;

  /** A pager with client-go's defaults: 500 items a page, full list if a token expires. */
  public ListPager(ListFunction<L> listFunction) {
    this(listFunction, DEFAULT_PAGE_SIZE, true);
  }

  /**
   * A pager with explicit settings.
   *
   * @param pageSize items per page, 0 to list everything in one call
   */
  public ListPager(ListFunction<L> listFunction, long pageSize, boolean fullListIfExpired) {
    this.listFunction = checkNotNull(listFunction, "listFunction");
    checkArgument(pageSize >= 0, "pageSize must not be negative: %s", pageSize);
    this.pageSize = pageSize;
    this.fullListIfExpired = fullListIfExpired;
  }

  /** A pager with client-go's defaults over a function of limit and continue token. */
  public ListPager(PageFunction<L> pageFunction) {
    this(pageFunction, DEFAULT_PAGE_SIZE, true);
  }

  /** A pager with explicit settings over a function of limit and continue token. */
  public ListPager(PageFunction<L> pageFunction, long pageSize, boolean fullListIfExpired) {
    this(adapt(checkNotNull(pageFunction, "pageFunction")), pageSize, fullListIfExpired);
  }

  private static <L> ListFunction<L> adapt(PageFunction<L> f) {
    return options -> f.list(options.limit(), options.continueToken());
  }

  /** Lists every page and returns all items. */
  public Result<T> list() {
    return list(ListOptions.none());
  }

  /** Lists every page with {@code options} and returns all items. */
  public Result<T> list(ListOptions options) {
    List<T> items = new ArrayList<>();
    String rv = eachListItem(options, items::add);
    return new Result<>(items, rv);
  }

  /**
   * Lists every page, handing each item to {@code consumer} as its page arrives, so that only one
   * page is held in memory. After a fallback to a full list, items already handed out are handed
   * out again from the full list: consumers that care must reset on {@link #list()} instead.
   *
   * @return the resourceVersion of the list
   */
  public @Nullable String eachListItem(Consumer<? super T> consumer) {
    return eachListItem(ListOptions.none(), consumer);
  }

  /**
   * {@link #eachListItem(Consumer)} with {@code options}: its resourceVersion and
   * resourceVersionMatch apply to the first page and to a fallback full list.
   *
   * @return the resourceVersion of the list
   */
  public @Nullable String eachListItem(ListOptions options, Consumer<? super T> consumer) {
    checkNotNull(options, "options");
    checkNotNull(consumer, "consumer");
    ListOptions first = options.limit() == 0 ? options.limit(pageSize) : options;
    // Later pages: the caller's selectors, without resourceVersion(Match), which the server
    // rejects next to a continue token (kubernetes#85221).
    ListOptions later = withoutResourceVersion(first);
    ListOptions current = first;
    boolean continued = false;
    while (true) {
      L page;
      try {
        page = listFunction.list(current);
      } catch (RuntimeException e) {
        if (!continued || !fullListIfExpired || !RestErrors.isGone(e)) {
          throw e;
        }
        // The snapshot expired while paging: one full list at the requested resourceVersion.
        L full = listFunction.list(options.limit(0));
        full.getItems().forEach(consumer);
        return resourceVersion(full);
      }
      page.getItems().forEach(consumer);
      ListMeta meta = page.getMetadata();
      String next = meta == null ? null : meta.getContinue();
      if (next == null || next.isEmpty()) {
        return resourceVersion(page);
      }
      current = later.continueToken(next);
      continued = true;
    }
  }

  private static ListOptions withoutResourceVersion(ListOptions o) {
    ListOptions out = ListOptions.none().limit(o.limit());
    if (o.labelSelector() != null) {
      out = out.labelSelector(o.labelSelector());
    }
    if (o.fieldSelector() != null) {
      out = out.fieldSelector(o.fieldSelector());
    }
    if (o.timeoutSeconds() != null) {
      out = out.timeoutSeconds(o.timeoutSeconds());
    }
    return out;
  }

  private static @Nullable String resourceVersion(KubernetesListObject<?> list) {
    ListMeta meta = list.getMetadata();
    return meta == null ? null : meta.getResourceVersion();
  }
}
