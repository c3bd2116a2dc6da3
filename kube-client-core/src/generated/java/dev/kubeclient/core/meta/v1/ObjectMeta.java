// Placeholder: replaced by the model generator's output.
package dev.kubeclient.core.meta.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Standard object metadata. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ObjectMeta {
  @JsonProperty("name")
  private @Nullable String name;

  /** Returns name. */
  public @Nullable String getName() { return name; }

  /** Sets name. */
  public void setName(@Nullable String v) { this.name = v; }

  /** Sets name; returns this. */
  public ObjectMeta name(@Nullable String v) { this.name = v; return this; }

  @JsonProperty("generateName")
  private @Nullable String generateName;

  /** Returns generateName. */
  public @Nullable String getGenerateName() { return generateName; }

  /** Sets generateName. */
  public void setGenerateName(@Nullable String v) { this.generateName = v; }

  /** Sets generateName; returns this. */
  public ObjectMeta generateName(@Nullable String v) { this.generateName = v; return this; }

  @JsonProperty("namespace")
  private @Nullable String namespace;

  /** Returns namespace. */
  public @Nullable String getNamespace() { return namespace; }

  /** Sets namespace. */
  public void setNamespace(@Nullable String v) { this.namespace = v; }

  /** Sets namespace; returns this. */
  public ObjectMeta namespace(@Nullable String v) { this.namespace = v; return this; }

  @JsonProperty("uid")
  private @Nullable String uid;

  /** Returns uid. */
  public @Nullable String getUid() { return uid; }

  /** Sets uid. */
  public void setUid(@Nullable String v) { this.uid = v; }

  /** Sets uid; returns this. */
  public ObjectMeta uid(@Nullable String v) { this.uid = v; return this; }

  @JsonProperty("resourceVersion")
  private @Nullable String resourceVersion;

  /** Returns resourceVersion. */
  public @Nullable String getResourceVersion() { return resourceVersion; }

  /** Sets resourceVersion. */
  public void setResourceVersion(@Nullable String v) { this.resourceVersion = v; }

  /** Sets resourceVersion; returns this. */
  public ObjectMeta resourceVersion(@Nullable String v) { this.resourceVersion = v; return this; }

  @JsonProperty("generation")
  private @Nullable Long generation;

  /** Returns generation. */
  public @Nullable Long getGeneration() { return generation; }

  /** Sets generation. */
  public void setGeneration(@Nullable Long v) { this.generation = v; }

  /** Sets generation; returns this. */
  public ObjectMeta generation(@Nullable Long v) { this.generation = v; return this; }

  @JsonProperty("labels")
  private @Nullable Map<String, String> labels;

  /** Returns labels. */
  public @Nullable Map<String, String> getLabels() { return labels; }

  /** Sets labels. */
  public void setLabels(@Nullable Map<String, String> v) { this.labels = v; }

  /** Sets labels; returns this. */
  public ObjectMeta labels(@Nullable Map<String, String> v) { this.labels = v; return this; }

  @JsonProperty("annotations")
  private @Nullable Map<String, String> annotations;

  /** Returns annotations. */
  public @Nullable Map<String, String> getAnnotations() { return annotations; }

  /** Sets annotations. */
  public void setAnnotations(@Nullable Map<String, String> v) { this.annotations = v; }

  /** Sets annotations; returns this. */
  public ObjectMeta annotations(@Nullable Map<String, String> v) { this.annotations = v; return this; }

}
