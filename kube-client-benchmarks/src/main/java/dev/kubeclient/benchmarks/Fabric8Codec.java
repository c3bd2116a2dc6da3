package dev.kubeclient.benchmarks;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.model.jackson.UnmatchedFieldTypeModule;
import java.io.InputStream;
import java.util.List;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fabric8 kubernetes-client peer: its {@code kubernetes-model-core} classes read and written by
 * Jackson 3, configured as fabric8's client configures its mapper (unknown fields kept rather than
 * rejected, through fabric8's {@code UnmatchedFieldTypeModule}). Thread-safe: the mapper is
 * immutable once built.
 */
public final class Fabric8Codec implements PodCodec {

  private final JsonMapper mapper =
      JsonMapper.builder()
          .addModule(new UnmatchedFieldTypeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  @Override
  public Object decode(byte[] json) {
    return mapper.readValue(json, Pod.class);
  }

  @Override
  public String name(Object pod) {
    return ((Pod) pod).getMetadata().getName();
  }

  @Override
  public void dropManagedFields(Object pod) {
    ((Pod) pod).getMetadata().setManagedFields(null);
  }

  @Override
  public byte[] encode(Object pod) {
    return mapper.writeValueAsBytes(pod);
  }

  @Override
  public Object decodeList(InputStream json) {
    return mapper.readValue(json, PodList.class);
  }

  @Override
  public List<?> items(Object podList) {
    return ((PodList) podList).getItems();
  }
}
