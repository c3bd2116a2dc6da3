package dev.kubeclient.benchmarks;

import dev.kubeclient.core.codec.Codec;
import dev.kubeclient.typed.api.core.v1.Pod;
import dev.kubeclient.typed.api.core.v1.PodList;
import java.io.InputStream;
import java.util.List;

/**
 * kube-client itself: the generated {@code dev.kubeclient.typed.api.core.v1} models read and
 * written by {@link Codec}, the codec every kube-client request and watch goes through.
 * Thread-safe: {@code Codec}'s mapper is shared and immutable.
 */
public final class KubeClientCodec implements PodCodec {

  @Override
  public Object decode(byte[] json) {
    return Codec.decode(json, Pod.class);
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
    return Codec.encode(pod);
  }

  @Override
  public Object decodeList(InputStream json) {
    return Codec.decode(json, PodList.class);
  }

  @Override
  public List<?> items(Object podList) {
    return ((PodList) podList).getItems();
  }
}
