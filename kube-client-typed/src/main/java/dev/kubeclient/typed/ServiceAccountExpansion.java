package dev.kubeclient.typed;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.options.CreateOptions;
import dev.kubeclient.typed.api.authentication.v1.TokenRequest;
import dev.kubeclient.typed.api.core.v1.ServiceAccount;
import dev.kubeclient.typed.api.core.v1.ServiceAccountList;

/** Calls on service accounts beyond the verbs: bound token requests. */
public interface ServiceAccountExpansion extends TypedResource<ServiceAccount, ServiceAccountList> {
  /**
   * Requests a bound token for the service account named {@code name}. The returned object's {@code
   * status.token} is a credential: do not log it.
   */
  default TokenRequest createToken(String name, TokenRequest request, CreateOptions options) {
    checkNotNull(request, "request");
    return generic().createSubresource(name, "token", request, options, TokenRequest.class);
  }
}
