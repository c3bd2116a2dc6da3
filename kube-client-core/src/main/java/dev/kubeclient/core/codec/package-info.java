/**
 * JSON and YAML encoding of API objects with the conventions of the Kubernetes API: {@link
 * dev.kubeclient.core.codec.Codec} holds the configured Jackson mappers, typed encode/decode
 * helpers and the multi-document YAML reader that maps each document to its registered class. The
 * counterpart of apimachinery's {@code runtime/serializer} packages.
 */
@NullMarked
package dev.kubeclient.core.codec;

import org.jspecify.annotations.NullMarked;
