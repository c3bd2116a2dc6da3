package dev.kubeclient.benchmarks;

import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The official Kubernetes Java client peer: its {@code client-java-api} models read and written by
 * Gson through {@code io.kubernetes.client.openapi.JSON}, the codec its {@code ApiClient} uses.
 *
 * <p>Single pods go through {@code String}, because that is how {@code ApiClient} hands a response
 * body to Gson (and how it builds a request body); lists are read straight from the stream, the
 * cheapest path {@code JSON} offers. Thread-safe: {@code JSON}'s Gson instance is.
 *
 * <p>Unlike the other peers, this one does not keep {@code metadata.managedFields}: since its
 * release 22.0.0 the client's Gson skips them while decoding and encoding (its {@code
 * V1MetadataExclusionStrategy}), and 25.0.0 has no switch to keep them. Its decode therefore builds
 * less than the others; compare retained heap with {@link #dropManagedFields(Object)} applied to
 * every peer as well.
 */
public final class OfficialClientCodec implements PodCodec {

  @Override
  public Object decode(byte[] json) {
    return JSON.deserialize(new String(json, StandardCharsets.UTF_8), V1Pod.class);
  }

  @Override
  public String name(Object pod) {
    return ((V1Pod) pod).getMetadata().getName();
  }

  @Override
  public void dropManagedFields(Object pod) {
    ((V1Pod) pod).getMetadata().setManagedFields(null);
  }

  @Override
  public byte[] encode(Object pod) {
    return JSON.serialize(pod).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public Object decodeList(InputStream json) throws IOException {
    return JSON.deserialize(json, V1PodList.class);
  }

  @Override
  public List<?> items(Object podList) {
    return ((V1PodList) podList).getItems();
  }
}
