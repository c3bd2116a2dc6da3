/**
 * The machinery behind {@link dev.kubeclient.testing.EmbeddedApiServer}: storage with resource
 * versions and watch history, HTTP routing, discovery documents, patch engines, Status errors and
 * TLS material. Not API: may change without notice.
 */
@NullMarked
package dev.kubeclient.testing.internal;

import org.jspecify.annotations.NullMarked;
