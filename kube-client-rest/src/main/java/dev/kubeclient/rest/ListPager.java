package dev.kubeclient.rest;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.KubernetesListObject;
import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.meta.v1.ListMeta;
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
 * ListPager<Pod, PodList> pager = new ListPager<>((limit, cont) -> {
 *   Request r = core.get().resource("pods").param("limit", limit);
 *   if (cont != null) r.param("continue", cont);
 *   return r.execute(PodList.class);
 * });
 * ListPager.Result<Pod> all = pager.list();
 * }</pre>
 *
 * <p>Immutable and safe for concurrent use if the page function is.
 *
 * @param <T> the item type
 * @param <L> the list type
 */
public final class ListPager<T extends KubernetesObject, L extends KubernetesListObject<T>> {
  /** client-go's default page size. */
  public static final long DEFAULT_PAGE_SIZE = 500;

  /** Fetches one page. */
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

  private final PageFunction<L> pageFunction;
  private final long pageSize;
  private final boolean fullListIfExpired;

  /** A pager with client-go's defaults: 500 items a page, full list if a token expires. */
  public ListPager(PageFunction<L> pageFunction) {
    this(pageFunction, DEFAULT_PAGE_SIZE, true);
  }

  /**
   * A pager with explicit settings.
   *
   * @param pageSize items per page, 0 to list everything in one call
   */
  public ListPager(PageFunction<L> pageFunction, long pageSize, boolean fullListIfExpired) {
    this.pageFunction = checkNotNull(pageFunction, "pageFunction");
    checkArgument(pageSize >= 0, "pageSize must not be negative: %s", pageSize);
    this.pageSize = pageSize;
    this.fullListIfExpired = fullListIfExpired;
  }

  /** Lists every page and returns all items. */
  public Result<T> list() {
    List<T> items = new ArrayList<>();
    String rv = eachListItem(items::add);
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
    checkNotNull(consumer, "consumer");
    String continueToken = null;
    while (true) {
      L page;
      try {
        page = pageFunction.list(pageSize, continueToken);
      } catch (RuntimeException e) {
        if (continueToken == null || !fullListIfExpired || !RestErrors.isGone(e)) {
          throw e;
        }
        L full = pageFunction.list(0, null);
        full.getItems().forEach(consumer);
        return resourceVersion(full);
      }
      page.getItems().forEach(consumer);
      ListMeta meta = page.getMetadata();
      String next = meta == null ? null : meta.getContinue();
      if (next == null || next.isEmpty()) {
        return resourceVersion(page);
      }
      continueToken = next;
    }
  }

  private static @Nullable String resourceVersion(KubernetesListObject<?> list) {
    ListMeta meta = list.getMetadata();
    return meta == null ? null : meta.getResourceVersion();
  }
}
