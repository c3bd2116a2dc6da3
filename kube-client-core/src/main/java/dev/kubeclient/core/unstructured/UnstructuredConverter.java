package dev.kubeclient.core.unstructured;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeclient.core.GroupVersionKind;
import dev.kubeclient.core.codec.Codec;
import dev.kubeclient.core.codec.DecodeException;
import dev.kubeclient.core.runtime.Scheme;
import java.util.Map;

/**
 * Converts between {@link Unstructured} and typed models through the JSON codec: apimachinery's
 * {@code runtime.DefaultUnstructuredConverter}. Works for any class the codec can read and write,
 * so the generated models of {@code kube-client-typed} and custom resource classes alike, without
 * this package knowing them. Conversion goes through the same JSON form the API uses, so unknown
 * fields the model keeps survive both ways.
 *
 * <p>Stateless and thread-safe. Results share nothing with their inputs.
 */
public final class UnstructuredConverter {
  private UnstructuredConverter() {}

  /**
   * The JSON form of {@code object} (a model, a map, or anything the codec encodes as a JSON
   * object) as a new {@link Unstructured}.
   *
   * @throws IllegalArgumentException when {@code object} does not encode to a JSON object
   */
  @SuppressWarnings("unchecked")
  public static Unstructured toUnstructured(Object object) {
    checkNotNull(object, "object");
    if (object instanceof Unstructured u) {
      return u.deepCopy();
    }
    JsonNode tree;
    try {
      tree = Codec.json().valueToTree(object);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cannot convert " + object.getClass().getName() + " to JSON: " + e.getMessage(), e);
    }
    checkArgument(
        tree instanceof ObjectNode,
        "%s converts to a JSON %s, not an object",
        object.getClass().getName(),
        tree.getNodeType());
    return new Unstructured(Codec.json().convertValue(tree, Map.class));
  }

  /**
   * {@code unstructured} decoded into {@code type}.
   *
   * @throws DecodeException naming the kind, the object and the field that does not fit
   */
  public static <T> T fromUnstructured(Unstructured unstructured, Class<T> type) {
    checkNotNull(unstructured, "unstructured");
    checkNotNull(type, "type");
    try {
      return Codec.json().convertValue(unstructured.getObject(), type);
    } catch (IllegalArgumentException e) {
      String field =
          e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()
              ? " at field " + fieldPath(m)
              : "";
      throw new DecodeException(
          "cannot convert "
              + unstructured.getKind()
              + " "
              + unstructured.getName()
              + " to "
              + type.getSimpleName()
              + field
              + ": "
              + (e.getCause() instanceof JsonMappingException m
                  ? m.getOriginalMessage()
                  : e.getMessage()),
          -1,
          -1,
          -1,
          e);
    }
  }

  /**
   * {@code unstructured} decoded into the class {@code scheme} registers for its apiVersion and
   * kind, or a copy of it when none is registered (a custom resource without a class).
   *
   * @throws IllegalArgumentException when apiVersion or kind is missing or malformed
   * @throws DecodeException when the object does not fit its registered class
   */
  public static Object fromUnstructured(Unstructured unstructured, Scheme scheme) {
    checkNotNull(unstructured, "unstructured");
    checkNotNull(scheme, "scheme");
    GroupVersionKind gvk = unstructured.getGroupVersionKind();
    checkArgument(
        gvk != null,
        "%s has no %s",
        unstructured,
        unstructured.getApiVersion() == null ? "apiVersion" : "kind");
    Class<?> type = scheme.lookup(gvk);
    return type == null ? unstructured.deepCopy() : fromUnstructured(unstructured, type);
  }

  private static String fieldPath(JsonMappingException m) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : m.getPath()) {
      if (r.getFieldName() != null) {
        b.append('.').append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }
}
