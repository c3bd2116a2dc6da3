/**
 * Implementation of kube-client-rest: OkHttp interceptors for authentication, impersonation,
 * logging and warnings, TLS and PEM parsing, exec credential plugins, throttling and retries.
 *
 * <p>Not API: may change without notice.
 */
@NullMarked
package dev.kubeclient.rest.internal;

import org.jspecify.annotations.NullMarked;
