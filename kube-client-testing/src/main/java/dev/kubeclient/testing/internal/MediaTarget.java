package dev.kubeclient.testing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a response should be, as negotiated from the Accept header like the API server's {@code
 * negotiation.NegotiateOutputMediaType}: the media type (JSON or YAML; protobuf and CBOR are not
 * spoken here, so clauses naming them are passed over) and an optional conversion asked for with
 * the {@code as}, {@code g} and {@code v} parameters ({@code
 * application/json;as=Table;g=meta.k8s.io;v=v1}).
 *
 * <p>Clauses are tried in the order of their {@code q} values (then exact types before wildcards,
 * otherwise in header order); the first one the server can serve wins, so {@code
 * application/vnd.kubernetes.protobuf;as=PartialObjectMetadata;...,application/json;as=
 * PartialObjectMetadata;...,application/json} gets the JSON PartialObjectMetadata. A header no
 * clause of which can be served gets 406 NotAcceptable, as do YAML watches (YAML has no stream
 * framing).
 *
 * @param mediaType {@code application/json} or {@code application/yaml}
 * @param conversion the conversion asked for
 * @param metaVersion {@code v1} or {@code v1beta1}: the meta.k8s.io version of the converted kind
 */
public record MediaTarget(String mediaType, Conversion conversion, String metaVersion) {
  /** The plain JSON answer, as for a request without an Accept header. */
  public static final MediaTarget JSON = new MediaTarget("application/json", Conversion.NONE, "v1");

  private static final String JSON_TYPE = "application/json";
  private static final String YAML_TYPE = "application/yaml";
  private static final String PROTOBUF_TYPE = "application/vnd.kubernetes.protobuf";

  /** The types a real server offers for built-in and custom resources, in its order. */
  private static final List<String> SERVED = List.of(JSON_TYPE, YAML_TYPE, PROTOBUF_TYPE);

  /** A response conversion of apiserver's {@code transformResponseObject}. */
  public enum Conversion {
    /** The object or list as stored. */
    NONE,
    /** Only the metadata of one object. */
    PARTIAL_OBJECT_METADATA,
    /** Only the metadata of each item of a list. */
    PARTIAL_OBJECT_METADATA_LIST,
    /** A server-side Table of printed columns. */
    TABLE
  }

  /** {@code meta.k8s.io/<metaVersion>}. */
  public String metaApiVersion() {
    return "meta.k8s.io/" + metaVersion;
  }

  /** Whether the body is YAML. */
  public boolean yaml() {
    return mediaType.equals(YAML_TYPE);
  }

  /**
   * Negotiates the Accept header {@code accept} (null or empty: JSON) for a resource response;
   * {@code stream} for a watch.
   *
   * @throws ApiError 406 when nothing asked for can be served
   */
  public static MediaTarget negotiate(@Nullable String accept, boolean stream) {
    MediaTarget target = accept == null || accept.isBlank() ? JSON : select(accept);
    if (target == null) {
      throw ApiError.notAcceptable(
          "only the following media types are accepted: " + String.join(", ", SERVED));
    }
    if (stream && target.yaml()) {
      throw ApiError.notAcceptable(
          "only the following media types are accepted: application/json;stream=watch, "
              + PROTOBUF_TYPE
              + ";stream=watch");
    }
    return target;
  }

  private static @Nullable MediaTarget select(String accept) {
    for (Clause clause : Clause.parseAll(accept)) {
      for (String offered : List.of(JSON_TYPE, YAML_TYPE)) {
        if (clause.matches(offered)) {
          MediaTarget target = clause.target(offered);
          if (target != null) {
            return target;
          }
        }
      }
    }
    return null;
  }

  /** One media range of an Accept header with its parameters. */
  private record Clause(String type, String subType, double q, List<String[]> params) {
    static List<Clause> parseAll(String header) {
      List<Clause> clauses = new ArrayList<>();
      for (String part : header.split(",")) {
        String[] pieces = part.split(";");
        String range = pieces[0].trim().toLowerCase(Locale.ROOT);
        int slash = range.indexOf('/');
        String type = slash < 0 ? range : range.substring(0, slash);
        String subType = slash < 0 ? "*" : range.substring(slash + 1);
        if (type.isEmpty()) {
          continue;
        }
        double q = 1;
        List<String[]> params = new ArrayList<>();
        for (int i = 1; i < pieces.length; i++) {
          String p = pieces[i].trim();
          int eq = p.indexOf('=');
          String key = (eq < 0 ? p : p.substring(0, eq)).trim();
          String value = eq < 0 ? "" : p.substring(eq + 1).trim();
          if (key.equals("q")) {
            try {
              q = Double.parseDouble(value);
            } catch (NumberFormatException e) {
              q = 0;
            }
          } else if (!key.isEmpty()) {
            params.add(new String[] {key, value});
          }
        }
        clauses.add(new Clause(type, subType, q, params));
      }
      // A stable sort: higher q first, then concrete types before wildcards (goautoneg's order).
      clauses.sort(
          (a, b) -> {
            int byQ = Double.compare(b.q, a.q);
            if (byQ != 0) {
              return byQ;
            }
            return Integer.compare(a.wildcards(), b.wildcards());
          });
      return clauses;
    }

    int wildcards() {
      return (type.equals("*") ? 1 : 0) + (subType.equals("*") ? 1 : 0);
    }

    boolean matches(String offered) {
      int slash = offered.indexOf('/');
      String offeredType = offered.substring(0, slash);
      String offeredSub = offered.substring(slash + 1);
      return (type.equals(offeredType) && (subType.equals(offeredSub) || subType.equals("*")))
          || (type.equals("*") && subType.equals("*"));
    }

    /** The target this clause selects for {@code offered}, or null when it cannot be served. */
    @Nullable MediaTarget target(String offered) {
      String as = null;
      String group = null;
      String version = null;
      for (String[] p : params) {
        switch (p[0]) {
          case "as" -> as = p[1];
          case "g" -> group = p[1];
          case "v" -> version = p[1];
          case "stream" -> {
            if (!p[1].isEmpty() && (offered.equals(YAML_TYPE) || !p[1].equals("watch"))) {
              return null;
            }
          }
          case "sv" -> {
            if (!p[1].isEmpty() && !p[1].equals("v1")) {
              return null;
            }
          }
          default -> {
            // pretty, export, profile and unknown parameters change nothing here.
          }
        }
      }
      if (as == null && group == null && version == null) {
        return new MediaTarget(offered, Conversion.NONE, "v1");
      }
      boolean meta =
          "meta.k8s.io".equals(group) && ("v1".equals(version) || "v1beta1".equals(version));
      if (!meta || as == null) {
        return null;
      }
      Conversion conversion =
          switch (as) {
            case "Table" -> Conversion.TABLE;
            case "PartialObjectMetadata" -> Conversion.PARTIAL_OBJECT_METADATA;
            case "PartialObjectMetadataList" -> Conversion.PARTIAL_OBJECT_METADATA_LIST;
            default -> null;
          };
      if (conversion == null) {
        return null;
      }
      return new MediaTarget(offered, conversion, version);
    }
  }
}
