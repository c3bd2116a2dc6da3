package dev.kubeclient.dynamic.manifest;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.Clock;
import dev.kubeclient.core.GroupKind;
import dev.kubeclient.core.GroupVersion;
import dev.kubeclient.core.GroupVersionResource;
import dev.kubeclient.core.errors.Errors;
import dev.kubeclient.core.options.ApplyOptions;
import dev.kubeclient.core.unstructured.Unstructured;
import dev.kubeclient.discovery.restmapper.RESTMapper;
import dev.kubeclient.discovery.restmapper.RESTMapping;
import dev.kubeclient.dynamic.DynamicClient;
import dev.kubeclient.dynamic.ResourceInterface;
import dev.kubeclient.dynamic.manifest.DocumentResult.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a manifest of any kinds with server-side apply, as {@code kubectl apply --server-side -f}
 * does, from a multi-document YAML (or JSON) string, a file, or a folder of {@code .yaml}, {@code
 * .yml} and {@code .json} files:
 *
 * <pre>{@code
 * ManifestApplier applier = ManifestApplier.builder(dynamic, RESTMapper.forDiscovery(discovery))
 *     .fieldManager("my-installer")
 *     .build();
 * ManifestResult result = applier.apply(Path.of("deploy/"));
 * result.throwIfFailed();
 * }</pre>
 *
 * <p>Each document is mapped to its resource through the {@link RESTMapper} and applied as the
 * field manager's intent. Unlike kubectl, which applies in file order (and so fails on a custom
 * resource whose CRD is further down or not yet ready), the applier first applies Namespaces and
 * CustomResourceDefinitions, waits (up to {@link Builder#establishTimeout}) for each new CRD to be
 * Established, refreshes the mapper, then applies the other documents in their order. A namespaced
 * document without a namespace goes to the default namespace.
 *
 * <p>Every document gets a {@link DocumentResult}: created, configured, unchanged (the object read
 * back equals the one before, apart from resourceVersion, generation and managedFields times) or
 * failed with a {@link ManifestException} naming the source, document index and line. One bad
 * document (malformed YAML, no apiVersion or kind, an unknown kind, a rejected object) does not
 * stop the others; only a file that cannot be read throws.
 *
 * <p>Each call reads every object before and after applying it, so a document costs three requests.
 * Immutable and safe for concurrent use; calls block until every document is done.
 */
public final class ManifestApplier {
  private static final Logger log = LoggerFactory.getLogger(ManifestApplier.class);

  private static final GroupVersionResource CRDS =
      new GroupVersionResource("apiextensions.k8s.io", "v1", "customresourcedefinitions");

  private final DynamicClient dynamic;
  private final RESTMapper mapper;
  private final String fieldManager;
  private final boolean force;
  private final String defaultNamespace;
  private final Duration establishTimeout;
  private final Clock clock;

  private ManifestApplier(Builder b) {
    this.dynamic = b.dynamic;
    this.mapper = b.mapper;
    this.fieldManager = checkNotNull(b.fieldManager, "fieldManager (required: call fieldManager)");
    this.force = b.force;
    this.defaultNamespace = b.defaultNamespace;
    this.establishTimeout = b.establishTimeout;
    this.clock = b.clock;
  }

  /** A builder applying through {@code dynamic}, mapping kinds with {@code mapper}. */
  public static Builder builder(DynamicClient dynamic, RESTMapper mapper) {
    return new Builder(checkNotNull(dynamic, "dynamic"), checkNotNull(mapper, "mapper"));
  }

  /** Applies the documents of {@code yaml}, named {@code <inline>} in results. */
  public ManifestResult apply(String yaml) {
    checkNotNull(yaml, "yaml");
    return applyDocuments(ManifestReader.read("<inline>", yaml));
  }

  /**
   * Applies a file, or every {@code .yaml}, {@code .yml} and {@code .json} file of a folder (not
   * its sub-folders), files in name order.
   *
   * @throws UncheckedIOException when the file or folder cannot be read
   */
  public ManifestResult apply(Path fileOrFolder) {
    checkNotNull(fileOrFolder, "fileOrFolder");
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(fileOrFolder)) {
      try (Stream<Path> list = Files.list(fileOrFolder)) {
        list.filter(ManifestApplier::isManifestFile).sorted().forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list the folder " + fileOrFolder, e);
      }
    } else {
      files.add(fileOrFolder);
    }
    List<ManifestDocument> documents = new ArrayList<>();
    for (Path file : files) {
      try {
        documents.addAll(
            ManifestReader.read(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the manifest " + file, e);
      }
    }
    return applyDocuments(documents);
  }

  private static boolean isManifestFile(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return Files.isRegularFile(p)
        && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"));
  }

  private ManifestResult applyDocuments(List<ManifestDocument> documents) {
    Map<ManifestDocument, DocumentResult> results = new IdentityHashMap<>();
    List<ManifestDocument> first = new ArrayList<>();
    List<ManifestDocument> rest = new ArrayList<>();
    for (ManifestDocument d : documents) {
      if (d.object() == null) {
        results.put(d, failed(d, checkNotNull(d.error(), "error")));
      } else if (isNamespace(d.object()) || isCrd(d.object())) {
        first.add(d);
      } else {
        rest.add(d);
      }
    }
    Map<GroupKind, String> crdProblems = new LinkedHashMap<>();
    boolean appliedCrd = false;
    for (ManifestDocument d : first) {
      DocumentResult r = applyOne(d, null);
      results.put(d, r);
      Unstructured object = checkNotNull(d.object(), "object");
      if (isCrd(object)) {
        GroupKind served = servedKind(object);
        if (!r.succeeded()) {
          crdProblems.put(
              served, "its CustomResourceDefinition (document " + d.index() + ") failed");
        } else {
          appliedCrd = true;
          String problem = awaitEstablished(String.valueOf(object.getName()));
          if (problem != null) {
            crdProblems.put(served, problem);
          }
        }
      }
    }
    if (appliedCrd) {
      mapper.reset();
    }
    for (ManifestDocument d : rest) {
      results.put(d, applyOne(d, crdProblems));
    }
    List<DocumentResult> ordered = new ArrayList<>();
    for (ManifestDocument d : documents) {
      ordered.add(results.get(d));
    }
    return new ManifestResult(ordered);
  }

  /** Maps and applies one document; never throws for the document's own problems. */
  private DocumentResult applyOne(
      ManifestDocument d, @Nullable Map<GroupKind, String> crdProblems) {
    Unstructured object = checkNotNull(d.object(), "object").deepCopy();
    String name = object.getName();
    if (name == null || name.isEmpty()) {
      return failed(d, d.fail("object has no metadata.name (server-side apply needs one)", null));
    }
    GroupVersion gv;
    try {
      gv = GroupVersion.parse(String.valueOf(object.getApiVersion()));
    } catch (IllegalArgumentException e) {
      return failed(d, d.fail(e.getMessage(), e));
    }
    GroupKind groupKind = new GroupKind(gv.group(), String.valueOf(object.getKind()));
    String crdProblem = crdProblems == null ? null : crdProblems.get(groupKind);
    if (crdProblem != null) {
      return failed(d, d.fail("not applied: " + crdProblem, null));
    }
    RESTMapping mapping;
    try {
      mapping = mapper.restMapping(groupKind, gv.version());
    } catch (RuntimeException e) {
      return failed(d, d.fail(e.getMessage(), e));
    }
    String namespace = null;
    ResourceInterface client;
    if (mapping.scope().namespaced()) {
      namespace = object.getNamespace() == null ? defaultNamespace : object.getNamespace();
      object.setNamespace(namespace);
      client = dynamic.resource(mapping.resource()).namespace(namespace);
    } else {
      object.setNamespace(null);
      client = dynamic.resource(mapping.resource());
    }
    try {
      Unstructured before = null;
      try {
        before = client.get(name);
      } catch (RuntimeException e) {
        if (!Errors.isNotFound(e)) {
          throw e;
        }
      }
      ApplyOptions options = ApplyOptions.fieldManager(fieldManager);
      Unstructured applied = client.apply(name, object, force ? options.force() : options);
      Outcome outcome =
          before == null
              ? Outcome.CREATED
              : comparable(before).equals(comparable(applied))
                  ? Outcome.UNCHANGED
                  : Outcome.CONFIGURED;
      log.debug("{} {}/{} {}", object.getKind(), namespace, name, outcome);
      return new DocumentResult(
          d.source(),
          d.index(),
          d.line(),
          object.getApiVersion(),
          object.getKind(),
          namespace,
          name,
          outcome,
          null,
          applied);
    } catch (RuntimeException e) {
      return failed(d, d.fail(e.getMessage(), e));
    }
  }

  /**
   * The object without what may change on a write that changes nothing else: its resourceVersion,
   * its generation (which only follows changes of the spec, compared anyway), and the times of its
   * managedFields entries (whose order is not kept either).
   */
  private static Map<String, Object> comparable(Unstructured object) {
    Unstructured copy = object.deepCopy();
    copy.removeNestedField("metadata", "resourceVersion");
    copy.removeNestedField("metadata", "generation");
    List<Object> entries = copy.getNestedSlice("metadata", "managedFields").orElse(List.of());
    List<String> normalized = new ArrayList<>();
    for (Object entry : entries) {
      if (entry instanceof Map<?, ?> m) {
        Map<Object, Object> withoutTime = new LinkedHashMap<>(m);
        withoutTime.remove("time");
        normalized.add(new java.util.TreeMap<>(withoutTime).toString());
      }
    }
    normalized.sort(null);
    copy.setNestedSlice(normalized, "metadata", "managedFields");
    return copy.getObject();
  }

  /** Waits for a CRD to be Established; null when it is, else why not. */
  private @Nullable String awaitEstablished(String crdName) {
    long deadline = clock.nanoTime() + establishTimeout.toNanos();
    Duration pause = Duration.ofMillis(50);
    while (true) {
      try {
        Unstructured crd = dynamic.resource(CRDS).get(crdName);
        if (isEstablished(crd)) {
          return null;
        }
      } catch (RuntimeException e) {
        log.debug("Reading CustomResourceDefinition {} failed: {}", crdName, e.toString());
      }
      if (clock.nanoTime() >= deadline) {
        return "its CustomResourceDefinition "
            + crdName
            + " was not Established within "
            + establishTimeout;
      }
      try {
        clock.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "interrupted while waiting for CustomResourceDefinition " + crdName;
      }
      pause =
          pause.multipliedBy(2).compareTo(Duration.ofSeconds(1)) > 0
              ? Duration.ofSeconds(1)
              : pause.multipliedBy(2);
    }
  }

  private static boolean isEstablished(Unstructured crd) {
    Object conditions = crd.get("status", "conditions");
    if (conditions instanceof List<?> list) {
      for (Object c : list) {
        if (c instanceof Map<?, ?> m
            && "Established".equals(m.get("type"))
            && "True".equals(m.get("status"))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isNamespace(Unstructured o) {
    return "v1".equals(o.getApiVersion()) && "Namespace".equals(o.getKind());
  }

  private static boolean isCrd(Unstructured o) {
    String apiVersion = String.valueOf(o.getApiVersion());
    return apiVersion.startsWith("apiextensions.k8s.io/")
        && "CustomResourceDefinition".equals(o.getKind());
  }

  /** The group and kind a CRD document serves. */
  private static GroupKind servedKind(Unstructured crd) {
    Object group = crd.get("spec", "group");
    Object kind = crd.get("spec", "names", "kind");
    return new GroupKind(String.valueOf(group), String.valueOf(kind));
  }

  private static DocumentResult failed(ManifestDocument d, ManifestException error) {
    Unstructured o = d.object();
    return new DocumentResult(
        d.source(),
        d.index(),
        d.line(),
        o == null ? null : o.getApiVersion(),
        o == null ? null : o.getKind(),
        o == null ? null : o.getNamespace(),
        o == null ? null : o.getName(),
        Outcome.FAILED,
        error,
        null);
  }

  @Override
  public String toString() {
    return "ManifestApplier{fieldManager=" + fieldManager + ", force=" + force + "}";
  }

  /** Settings of a {@link ManifestApplier}; not thread-safe, {@link #build()} copies them. */
  public static final class Builder {
    private final DynamicClient dynamic;
    private final RESTMapper mapper;
    private @Nullable String fieldManager;
    private boolean force;
    private String defaultNamespace = "default";
    private Duration establishTimeout = Duration.ofSeconds(60);
    private Clock clock = Clock.system();

    private Builder(DynamicClient dynamic, RESTMapper mapper) {
      this.dynamic = dynamic;
      this.mapper = mapper;
    }

    /** The field manager that applies (required), as kubectl's {@code --field-manager}. */
    public Builder fieldManager(String fieldManager) {
      checkNotNull(fieldManager, "fieldManager");
      checkArgument(
          !fieldManager.isEmpty() && fieldManager.length() <= 128,
          "fieldManager must be 1 to 128 characters: '%s'",
          fieldManager);
      this.fieldManager = fieldManager;
      return this;
    }

    /** Takes fields other managers own instead of failing (kubectl's {@code --force-conflicts}). */
    public Builder force(boolean force) {
      this.force = force;
      return this;
    }

    /** The namespace of namespaced documents that name none (default {@code default}). */
    public Builder defaultNamespace(String namespace) {
      checkNotNull(namespace, "namespace");
      checkArgument(!namespace.isEmpty(), "defaultNamespace may not be empty");
      this.defaultNamespace = namespace;
      return this;
    }

    /** How long to wait for a new CRD to be Established (default 60 s). */
    public Builder establishTimeout(Duration timeout) {
      checkNotNull(timeout, "timeout");
      checkArgument(!timeout.isNegative(), "establishTimeout < 0: %s", timeout);
      this.establishTimeout = timeout;
      return this;
    }

    /** The clock the waits run on (default the system clock). */
    public Builder clock(Clock clock) {
      this.clock = checkNotNull(clock, "clock");
      return this;
    }

    /**
     * The applier.
     *
     * @throws NullPointerException when no field manager was given
     */
    public ManifestApplier build() {
      return new ManifestApplier(this);
    }
  }
}
