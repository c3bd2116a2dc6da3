package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code continue} token of a paged list: the snapshot's resourceVersion and the last
 * key served, base64-encoded JSON like the API server's own tokens.
 *
 * @param resourceVersion the revision the first page was read at
 * @param lastKey the key of the last object served
 */
public record ContinueToken(long resourceVersion, String lastKey) {

  /** Encodes a token. */
  public static String encode(long resourceVersion, String lastKey) {
    ObjectNode o = Json.object();
    o.put("v", "meta.k8s.io/v1");
    o.put("rv", resourceVersion);
    o.put("start", lastKey + "\u0000");
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.bytes(o));
  }

  /** Decodes a token, or throws 400 with the API server's message for a malformed one. */
  public static ContinueToken decode(String token) {
    try {
      byte[] raw = Base64.getUrlDecoder().decode(token.replace('+', '-').replace('/', '_'));
      JsonNode o = Json.MAPPER.readTree(new String(raw, StandardCharsets.UTF_8));
      String start = o.path("start").asText("");
      long rv = o.path("rv").asLong(0);
      if (!o.path("v").asText().equals("meta.k8s.io/v1") || rv <= 0 || start.isEmpty()) {
        throw ApiError.badRequest(
            "continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
      }
      return new ContinueToken(rv, start.substring(0, start.length() - 1));
    } catch (IllegalArgumentException | IOException e) {
      throw ApiError.badRequest("continue key is not valid: " + e.getMessage());
    }
  }
}
