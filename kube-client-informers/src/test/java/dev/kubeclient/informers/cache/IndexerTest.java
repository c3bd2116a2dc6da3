package dev.kubeclient.informers.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.core.meta.v1.ObjectMeta;
import dev.kubeclient.typed.api.core.v1.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IndexerTest {

  private static Pod pod(String ns, String name, String... users) {
    Pod p = new Pod().metadata(m -> m.namespace(ns).name(name));
    for (String u : users) {
      p.getMetadata().putInLabels("user-" + u, u);
    }
    return p;
  }

  /** The "by user" index of client-go's index tests: one value per user label. */
  private static final IndexFunc<Pod> BY_USER =
      p -> new ArrayList<>(p.getMetadata().getLabels().values());

  /** Scenario of client-go {@code TestGetIndexFuncValues}. */
  @Test
  void listIndexFuncValues_afterAdds_listsEveryValue() {
    Indexer<Pod> index =
        Indexer.newIndexer(KeyFunctions.metaNamespaceKeyFunc(), Map.of("testmodes", BY_USER));
    index.add(pod("ns", "one", "foo", "bar"));
    index.add(pod("ns", "two", "bar"));
    index.add(pod("ns", "tre", "biz"));
    assertThat(index.listIndexFuncValues("testmodes"))
        .containsExactlyInAnyOrder("foo", "bar", "biz");
  }

  /** Scenario of client-go {@code TestMultiIndexKeys}. */
  @Test
  void indexKeys_multipleValues_followUpdatesAndDeletes() {
    Indexer<Pod> index =
        Indexer.newIndexer(KeyFunctions.metaNamespaceKeyFunc(), Map.of("byUser", BY_USER));
    Pod one = pod("ns", "one", "ernie", "bert");
    Pod two = pod("ns", "two", "bert", "oscar");
    Pod tre = pod("ns", "tre", "ernie", "elmo");
    index.add(one);
    index.add(two);
    index.add(tre);
    assertThat(index.indexKeys("byUser", "ernie")).containsExactly("ns/one", "ns/tre");
    assertThat(index.indexKeys("byUser", "bert")).containsExactly("ns/one", "ns/two");
    assertThat(index.indexKeys("byUser", "elmo")).containsExactly("ns/tre");
    assertThat(index.indexKeys("byUser", "oscar")).containsExactly("ns/two");
    assertThat(index.byIndex("byUser", "oscar")).containsExactly(two);

    index.delete(one);
    assertThat(index.indexKeys("byUser", "ernie")).containsExactly("ns/tre");
    assertThat(index.indexKeys("byUser", "bert")).containsExactly("ns/two");

    Pod copyOfTwo = pod("ns", "two", "oscar");
    index.update(copyOfTwo);
    assertThat(index.indexKeys("byUser", "bert")).isEmpty();
    assertThat(index.index("byUser", pod("x", "y", "oscar", "ernie")))
        .containsExactlyInAnyOrder(copyOfTwo, tre);
  }

  /** Scenario of client-go {@code TestThreadSafeStoreDeleteRemovesEmptySetsFromIndex}. */
  @Test
  void delete_lastKeyOfValue_removesTheValue() {
    ThreadSafeStore<String> store =
        ThreadSafeStore.newThreadSafeStore(Map.of("idx", s -> List.of(s)));
    store.add("k", "v");
    assertThat(store.listIndexFuncValues("idx")).containsExactly("v");
    store.delete("k");
    assertThat(store.listIndexFuncValues("idx")).isEmpty();
  }

  /** Scenario of client-go {@code TestThreadSafeStoreAddKeepsNonEmptySetPostDeleteFromIndex}. */
  @Test
  void update_toOtherValue_keepsTheRestOfTheSet() {
    ThreadSafeStore<String> store =
        ThreadSafeStore.newThreadSafeStore(Map.of("idx", s -> List.of(s.substring(0, 1))));
    store.add("a", "x1");
    store.add("b", "x2");
    store.update("a", "y1");
    assertThat(store.indexKeys("idx", "x")).containsExactly("b");
    assertThat(store.indexKeys("idx", "y")).containsExactly("a");
  }

  /** Scenario of client-go {@code TestThreadSafeStoreIndexingFunctionsWithMultipleValues}. */
  @Test
  void indexFunc_multipleValues_trackedOnEveryChange() {
    IndexFunc<String> split = s -> List.of(s.split(","));
    ThreadSafeStore<String> store = ThreadSafeStore.newThreadSafeStore(Map.of("x", split));
    store.add("key1", "foo");
    store.add("key2", "bar");
    assertThat(store.indexKeys("x", "foo")).containsExactly("key1");
    store.update("key1", "foo,bar");
    assertThat(store.indexKeys("x", "bar")).containsExactly("key1", "key2");
    store.update("key2", "foo");
    assertThat(store.indexKeys("x", "foo")).containsExactly("key1", "key2");
    assertThat(store.indexKeys("x", "bar")).containsExactly("key1");
    store.update("key1", "bar");
    assertThat(store.indexKeys("x", "foo")).containsExactly("key2");
    store.delete("key2");
    assertThat(store.indexKeys("x", "foo")).isEmpty();
  }

  /** Scenario of client-go {@code TestCache}: add, update, delete, replace, list keys. */
  @Test
  void store_operations_followClientGo() {
    Store<Pod> store = Store.newStore(KeyFunctions.metaNamespaceKeyFunc());
    store.add(pod("", "foo"));
    store.add(pod("", "bar"));
    store.add(pod("", "baz"));
    store.update(pod("", "foo", "x"));
    store.delete(pod("", "baz"));
    assertThat(store.listKeys()).containsExactlyInAnyOrder("foo", "bar");
    assertThat(store.get(pod("", "foo")).getMetadata().getLabels()).containsEntry("user-x", "x");
    assertThat(store.getByKey("baz")).isNull();
    store.replace(List.of(pod("", "qux"), pod("", "quux")), "5");
    assertThat(store.listKeys()).containsExactlyInAnyOrder("qux", "quux");
    assertThat(store.list()).hasSize(2);
  }

  @Test
  void replace_rebuildsIndexes() {
    Indexer<Pod> index =
        Indexer.newIndexer(KeyFunctions.metaNamespaceKeyFunc(), Indexers.namespace());
    index.add(pod("a", "1"));
    index.replace(List.of(pod("b", "1"), pod("b", "2")), "7");
    assertThat(index.listIndexFuncValues(Indexers.NAMESPACE_INDEX)).containsExactly("b");
    assertThat(index.indexKeys(Indexers.NAMESPACE_INDEX, "b")).containsExactly("b/1", "b/2");
  }

  @Test
  void addIndexers_existingItems_areIndexedAndConflictsFail() {
    Indexer<Pod> index = Indexer.newIndexer(KeyFunctions.metaNamespaceKeyFunc(), Map.of());
    index.add(pod("a", "1", "u"));
    index.addIndexers(Map.of("byUser", BY_USER));
    assertThat(index.indexKeys("byUser", "u")).containsExactly("a/1");
    assertThat(index.getIndexers()).containsOnlyKeys("byUser");
    assertThatThrownBy(() -> index.addIndexers(Map.of("byUser", BY_USER)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("byUser");
  }

  @Test
  void byIndex_unknownIndex_failsNamingIt() {
    Indexer<Pod> index =
        Indexer.newIndexer(KeyFunctions.metaNamespaceKeyFunc(), Indexers.namespace());
    assertThatThrownBy(() -> index.byIndex("nope", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope");
  }

  @Test
  void add_indexFuncThrows_leavesStoreAndIndexesAsBefore() {
    IndexFunc<Pod> failing =
        p -> {
          if (p.getMetadata().getLabels().containsKey("user-bad")) {
            throw new IllegalArgumentException("bad label");
          }
          return List.of(p.getMetadata().getName());
        };
    Indexer<Pod> index =
        Indexer.newIndexer(
            KeyFunctions.metaNamespaceKeyFunc(),
            Map.of("ns", Indexers.<Pod>metaNamespaceIndexFunc(), "f", failing));
    Pod good = pod("a", "1");
    index.add(good);
    assertThatThrownBy(() -> index.update(pod("a", "1", "bad")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a/1");
    assertThat(index.getByKey("a/1")).isSameAs(good);
    assertThat(index.indexKeys("f", "1")).containsExactly("a/1");
    assertThat(index.indexKeys("ns", "a")).containsExactly("a/1");
  }

  @Test
  void add_indexFuncReturnsNull_failsNamingIndexAndKey_andLeavesStoreAsBefore() {
    IndexFunc<Pod> broken =
        p -> p.getMetadata().getLabels().containsKey("user-bad") ? null : List.of("v");
    Indexer<Pod> index =
        Indexer.newIndexer(KeyFunctions.metaNamespaceKeyFunc(), Map.of("broken", broken));
    Pod good = pod("a", "1");
    index.add(good);
    assertThatThrownBy(() -> index.update(pod("a", "1", "bad")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a/1")
        .hasMessageContaining("broken");
    assertThatThrownBy(() -> index.add(pod("a", "2", "bad")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a/2");
    assertThat(index.listKeys()).containsExactly("a/1");
    assertThat(index.getByKey("a/1")).isSameAs(good);
    assertThat(index.indexKeys("broken", "v")).containsExactly("a/1");
  }

  @Test
  void keyFunctions_metaNamespaceKeyAndSplit() {
    assertThat(KeyFunctions.metaNamespaceKey(pod("ns", "n"))).isEqualTo("ns/n");
    assertThat(KeyFunctions.metaNamespaceKey(pod("", "n"))).isEqualTo("n");
    assertThat(KeyFunctions.splitMetaNamespaceKey("ns/n")).isEqualTo(new ObjectName("ns", "n"));
    assertThat(KeyFunctions.splitMetaNamespaceKey("n")).isEqualTo(new ObjectName("", "n"));
    assertThat(new ObjectName("ns", "n")).hasToString("ns/n");
    assertThatThrownBy(() -> KeyFunctions.splitMetaNamespaceKey("a/b/c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a/b/c");
    assertThatThrownBy(() -> KeyFunctions.metaNamespaceKey(new Pod()))
        .isInstanceOf(KeyException.class)
        .hasMessageContaining("metadata");
    assertThatThrownBy(() -> KeyFunctions.metaNamespaceKey(new Pod().metadata(new ObjectMeta())))
        .isInstanceOf(KeyException.class)
        .hasMessageContaining("metadata.name");
    Pod p = pod("ns", "n");
    assertThat(KeyFunctions.deletionHandlingMetaNamespaceKey(Delta.of(DeltaType.ADDED, p)))
        .isEqualTo("ns/n");
    assertThat(
            KeyFunctions.deletionHandlingMetaNamespaceKey(
                Delta.tombstone(new DeletedFinalStateUnknown<Pod>("x/y", null))))
        .isEqualTo("x/y");
  }

  @Test
  void indexers_metaNamespaceIndexFunc_clusterScopedIsEmptyString() {
    assertThat(Indexers.<Pod>metaNamespaceIndexFunc().index(pod("", "n"))).containsExactly("");
    assertThat(Set.copyOf(Indexers.<Pod>metaNamespaceIndexFunc().index(pod("x", "n"))))
        .containsExactly("x");
  }
}
