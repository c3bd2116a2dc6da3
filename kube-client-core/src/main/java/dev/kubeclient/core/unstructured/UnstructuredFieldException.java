package dev.kubeclient.core.unstructured;

import dev.kubeclient.core.errors.KubeClientException;

/**
 * A field of an {@link Unstructured} object does not have the type asked for, or a step of a path
 * is not a map: apimachinery's {@code "... accessor error: ... is of the type ..."}. The message
 * names the path (as {@code .spec.replicas}) and the JSON type found, never the value, which may be
 * Secret data.
 */
public final class UnstructuredFieldException extends KubeClientException {
  private static final long serialVersionUID = 1L;

  private final String path;

  UnstructuredFieldException(String message, String path) {
    super(message);
    this.path = path;
  }

  /** The path of the offending field, such as {@code .spec.replicas}. */
  public String path() {
    return path;
  }
}
