package dev.kubeclient.informers.cache.internal;

import dev.kubeclient.core.KubernetesListObject;
import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.meta.v1.ListMeta;
import dev.kubeclient.core.options.ListOptions;
import dev.kubeclient.informers.cache.ListerWatcher;
import dev.kubeclient.rest.ListPager;
import java.util.List;

/**
 * The reflector's list through {@link ListPager}: pages of {@code pageSize} (0: one request),
 * continue tokens without a resourceVersion (the server rejects both), a full list when a token
 * expires, apiVersion and kind filled into the items, and whether the server paginated. Stateless.
 */
final class PagedList {
  private PagedList() {}

  /** Items, the list's resourceVersion, and whether the server paginated. */
  static final class Result<T> {
    List<T> items = List.of();
    String resourceVersion = "";
    boolean paginated;
  }

  static <T extends KubernetesObject> Result<T> list(
      ListerWatcher<T> listerWatcher, String rv, long pageSize) {
    Result<T> result = new Result<>();
    ListPager<T, KubernetesListObject<T>> pager =
        new ListPager<>(
            (limit, continueToken) -> {
              ListOptions o = ListOptions.none();
              // Continue pages carry the snapshot in their token; the server rejects both.
              if (continueToken != null) {
                o = o.continueToken(continueToken);
              } else if (!rv.isEmpty()) {
                o = o.resourceVersion(rv);
              }
              if (limit > 0) {
                o = o.limit(limit);
              }
              KubernetesListObject<T> page = listerWatcher.list(o);
              fillTypeMeta(page);
              ListMeta meta = page.getMetadata();
              if (meta != null && meta.getContinue() != null && !meta.getContinue().isEmpty()) {
                result.paginated = true;
              }
              return page;
            },
            pageSize,
            true);
    ListPager.Result<T> all = pager.list();
    result.items = all.items();
    result.resourceVersion = all.resourceVersion() == null ? "" : all.resourceVersion();
    return result;
  }

  /** List items come without apiVersion and kind; they are the list's, minus "List". */
  static void fillTypeMeta(KubernetesListObject<? extends KubernetesObject> list) {
    String listKind = list.getKind();
    String apiVersion = list.getApiVersion();
    if (listKind == null || apiVersion == null || !listKind.endsWith("List")) {
      return;
    }
    String kind = listKind.substring(0, listKind.length() - "List".length());
    for (KubernetesObject item : list.getItems()) {
      if (item.getKind() == null || item.getApiVersion() == null) {
        item.setTypeMeta(apiVersion, kind);
      }
    }
  }
}
