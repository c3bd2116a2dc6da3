package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * The create-only resources the API server answers without storing anything: access reviews
 * (answered from the allow list, so a client asking "can I" gets the truth), token reviews, self
 * subject reviews, and the rest (bindings, ...) echoed back.
 */
final class Reviews {
  private final Authenticator authenticator;

  Reviews(Authenticator authenticator) {
    this.authenticator = authenticator;
  }

  /** Whether {@code type} is answered here rather than stored. */
  static boolean answers(ResourceType type) {
    return type.verbs().size() == 1 && type.supports("create");
  }

  /** The response object for creating {@code request} as {@code user}. */
  ObjectNode answer(ResourceType type, ObjectNode request, String user) {
    ObjectRules.checkTypeMeta(type, request);
    ObjectNode response = request.deepCopy();
    Json.child(response, "metadata");
    JsonNode spec = request.path("spec");
    switch (type.plural()) {
      case "selfsubjectaccessreviews", "subjectaccessreviews", "localsubjectaccessreviews" -> {
        String subject = type.plural().startsWith("self") ? user : spec.path("user").asText(user);
        JsonNode attributes = spec.path("resourceAttributes");
        boolean allowed =
            authenticator.allowed(
                subject,
                attributes.path("verb").asText(""),
                attributes.path("resource").asText(""));
        ObjectNode status = response.putObject("status");
        status.put("allowed", allowed);
        if (!allowed) {
          status.put("reason", "no allow rule for user " + subject);
        }
      }
      case "selfsubjectreviews" ->
          response.putObject("status").putObject("userInfo").put("username", user);
      case "tokenreviews" -> {
        @Nullable String reviewed = authenticator.userOfToken(spec.path("token").asText(""));
        ObjectNode status = response.putObject("status");
        status.put("authenticated", reviewed != null);
        if (reviewed != null) {
          status.putObject("user").put("username", reviewed);
        }
        // The token itself is a secret: the response does not repeat it.
        Json.child(response, "spec").remove("token");
      }
      default -> {
        // Bindings and other create-only kinds: accepted as sent.
      }
    }
    return response;
  }
}
