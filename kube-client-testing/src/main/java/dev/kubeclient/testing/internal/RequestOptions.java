package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeclient.testing.internal.smd.Values;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The options of a request as the API server decodes its query into {@code ListOptions}, {@code
 * CreateOptions}, {@code UpdateOptions}, {@code PatchOptions} and {@code DeleteOptions} and then
 * validates them. Booleans read as apimachinery reads query booleans: absent, {@code 0} and {@code
 * false} in any case are false, anything else ({@code True}, {@code 1}, {@code yes}, even empty) is
 * true. Integers must be what Go's {@code strconv.ParseInt} accepts, else 400 with its message
 * ({@code strconv.ParseInt: parsing "abc": invalid syntax}). Values that decode but are not allowed
 * are 422 Invalid on the options kind ({@code CreateOptions.meta.k8s.io "" is invalid: dryRun:
 * Unsupported value: ["x"]: supported values: "All"}) with a cause per field. Stateless.
 */
final class RequestOptions {
  /** The longest field manager name, in bytes. */
  static final int FIELD_MANAGER_MAX_LENGTH = 128;

  private RequestOptions() {}

  /** A query boolean: false when absent, {@code 0} or {@code false} (any case), else true. */
  static boolean flag(RequestInfo info, String key) {
    Boolean b = flagPointer(info, key);
    return b != null && b;
  }

  /** A query boolean, or null when the parameter is absent. */
  static @Nullable Boolean flagPointer(RequestInfo info, String key) {
    List<String> values = info.values(key);
    if (values.isEmpty()) {
      return null;
    }
    String v = values.get(0);
    return !(v.equals("0") || v.equalsIgnoreCase("false"));
  }

  /** A query integer, 0 when absent. */
  static long int64(RequestInfo info, String key) {
    Long v = int64Pointer(info, key);
    return v == null ? 0 : v;
  }

  /** A query integer, or null when absent; 400 as Go's {@code ParseInt} words it when invalid. */
  static @Nullable Long int64Pointer(RequestInfo info, String key) {
    List<String> values = info.values(key);
    return values.isEmpty() ? null : parseInt64(values.get(0));
  }

  /** Go's {@code strconv.ParseInt(s, 10, 64)}. */
  static long parseInt64(String s) {
    int start = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
    boolean digits = s.length() > start;
    for (int i = start; i < s.length(); i++) {
      digits &= s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }
    if (!digits) {
      throw ApiError.badRequest(
          "strconv.ParseInt: parsing " + Values.goQuote(s) + ": invalid syntax");
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw ApiError.badRequest(
          "strconv.ParseInt: parsing " + Values.goQuote(s) + ": value out of range");
    }
  }

  private static void check(String kind, List<ApiError.Cause> causes) {
    if (!causes.isEmpty()) {
      throw ApiError.invalidOptions(kind, causes);
    }
  }

  private static ApiError.Cause notSupported(String field, String badValue, List<String> valid) {
    List<String> quoted = new ArrayList<>();
    valid.forEach(v -> quoted.add(Values.goQuote(v)));
    return new ApiError.Cause(
        "FieldValueNotSupported",
        "Unsupported value: " + badValue + ": supported values: " + String.join(", ", quoted),
        field);
  }

  private static ApiError.Cause forbidden(String field, String detail) {
    return new ApiError.Cause("FieldValueForbidden", "Forbidden: " + detail, field);
  }

  /** The options of list, watch and deletecollection requests that this server acts on. */
  record ListOptions(
      boolean watch,
      boolean allowWatchBookmarks,
      String resourceVersion,
      String resourceVersionMatch,
      @Nullable Long timeoutSeconds,
      long limit,
      String continueToken,
      @Nullable Boolean sendInitialEvents) {}

  /**
   * Decodes and validates the ListOptions of a list ({@code watch} false) or watch request, with
   * the WatchList defaults of a 1.36 server (a watch from no resourceVersion or 0 sends initial
   * events).
   */
  static ListOptions list(RequestInfo info, boolean watch) {
    Long timeout = int64Pointer(info, "timeoutSeconds");
    long limit = int64(info, "limit");
    Boolean sendInitial = flagPointer(info, "sendInitialEvents");
    String rv = info.param("resourceVersion", "");
    String match = info.param("resourceVersionMatch", "");
    String cont = info.param("continue", "");
    boolean bookmarks = flag(info, "allowWatchBookmarks");
    List<ApiError.Cause> causes = new ArrayList<>();
    if (watch) {
      if (sendInitial == null && match.isEmpty() && (rv.isEmpty() || rv.equals("0"))) {
        sendInitial = true;
        match = "NotOlderThan";
      }
      if (sendInitial != null && !match.equals("NotOlderThan")) {
        causes.add(
            forbidden(
                "resourceVersionMatch",
                "sendInitialEvents requires setting resourceVersionMatch to NotOlderThan"));
      }
      if (!match.isEmpty()) {
        if (sendInitial == null) {
          causes.add(
              forbidden(
                  "resourceVersionMatch",
                  "resourceVersionMatch is forbidden for watch unless sendInitialEvents is"
                      + " provided"));
        }
        if (!match.equals("NotOlderThan")) {
          causes.add(
              notSupported("resourceVersionMatch", Json.quote(match), List.of("NotOlderThan")));
        }
        if (!cont.isEmpty()) {
          causes.add(
              forbidden(
                  "resourceVersionMatch",
                  "resourceVersionMatch is forbidden when continue is provided"));
        }
      }
    } else {
      if (!match.isEmpty()) {
        if (rv.isEmpty()) {
          causes.add(
              forbidden(
                  "resourceVersionMatch",
                  "resourceVersionMatch is forbidden unless resourceVersion is provided"));
        }
        if (!cont.isEmpty()) {
          causes.add(
              forbidden(
                  "resourceVersionMatch",
                  "resourceVersionMatch is forbidden when continue is provided"));
        }
        if (!match.equals("Exact") && !match.equals("NotOlderThan")) {
          causes.add(
              notSupported(
                  "resourceVersionMatch", Json.quote(match), List.of("Exact", "NotOlderThan", "")));
        }
        if (match.equals("Exact") && rv.equals("0")) {
          causes.add(
              forbidden(
                  "resourceVersionMatch",
                  "resourceVersionMatch \"exact\" is forbidden for resourceVersion \"0\""));
        }
      }
      if (sendInitial != null) {
        causes.add(forbidden("sendInitialEvents", "sendInitialEvents is forbidden for list"));
      }
    }
    check("ListOptions", causes);
    return new ListOptions(watch, bookmarks, rv, match, timeout, limit, cont, sendInitial);
  }

  /** The options of a create, update or patch this server acts on. */
  record WriteOptions(boolean dryRun, String fieldManager, boolean force) {}

  private static void checkCommon(
      RequestInfo info, List<ApiError.Cause> causes, String fieldManager) {
    causes.addAll(fieldManagerCauses(fieldManager));
    dryRunCauses(info.values("dryRun"), causes);
    String validation = info.param("fieldValidation", "");
    if (!List.of("", "Ignore", "Warn", "Strict").contains(validation)) {
      causes.add(
          notSupported(
              "fieldValidation",
              Values.goQuote(validation),
              List.of("", "Ignore", "Strict", "Warn")));
    }
  }

  private static void dryRunCauses(List<String> dryRun, List<ApiError.Cause> causes) {
    for (String v : dryRun) {
      if (!v.equals("All")) {
        List<JsonNode> values = new ArrayList<>();
        dryRun.forEach(d -> values.add(Json.MAPPER.getNodeFactory().textNode(d)));
        causes.add(
            notSupported(
                "dryRun",
                Values.goJson(Json.MAPPER.getNodeFactory().arrayNode().addAll(values)),
                List.of("All")));
        return;
      }
    }
  }

  /** The causes of an invalid field manager name (too long, unprintable characters). */
  static List<ApiError.Cause> fieldManagerCauses(String fieldManager) {
    List<ApiError.Cause> causes = new ArrayList<>();
    if (fieldManager.getBytes(StandardCharsets.UTF_8).length > FIELD_MANAGER_MAX_LENGTH) {
      causes.add(
          new ApiError.Cause(
              "FieldValueTooLong",
              "Too long: may not be more than " + FIELD_MANAGER_MAX_LENGTH + " bytes",
              "fieldManager"));
    }
    int bytePosition = 0;
    for (int i = 0; i < fieldManager.length(); ) {
      int cp = fieldManager.codePointAt(i);
      if (!Values.isPrint(cp)) {
        causes.add(
            new ApiError.Cause(
                "FieldValueInvalid",
                "Invalid value: "
                    + Values.goQuote(fieldManager)
                    + ": invalid character "
                    + String.format("U+%04X", cp)
                    + " (at position "
                    + bytePosition
                    + ")",
                "fieldManager"));
      }
      bytePosition += new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      i += Character.charCount(cp);
    }
    return causes;
  }

  /** CreateOptions. */
  static WriteOptions create(RequestInfo info) {
    return write(info, "CreateOptions");
  }

  /** UpdateOptions. */
  static WriteOptions update(RequestInfo info) {
    return write(info, "UpdateOptions");
  }

  private static WriteOptions write(RequestInfo info, String kind) {
    String manager = info.param("fieldManager", "");
    List<ApiError.Cause> causes = new ArrayList<>();
    checkCommon(info, causes, manager);
    check(kind, causes);
    return new WriteOptions(!info.values("dryRun").isEmpty(), manager, false);
  }

  /** PatchOptions of a patch of {@code mediaType}. */
  static WriteOptions patch(RequestInfo info, String mediaType) {
    String manager = info.param("fieldManager", "");
    Boolean force = flagPointer(info, "force");
    List<ApiError.Cause> causes = new ArrayList<>();
    if (mediaType.equals(PatchHandler.APPLY)) {
      if (manager.isEmpty()) {
        causes.add(
            new ApiError.Cause(
                "FieldValueRequired",
                "Required value: is required for apply patch",
                "fieldManager"));
      }
    } else if (force != null) {
      causes.add(forbidden("force", "may not be specified for non-apply patch"));
    }
    checkCommon(info, causes, manager);
    check("PatchOptions", causes);
    return new WriteOptions(!info.values("dryRun").isEmpty(), manager, force != null && force);
  }

  /** The DeleteOptions this server acts on. */
  record DeleteOptions(
      @Nullable String propagationPolicy,
      boolean dryRun,
      @Nullable String preconditionUid,
      @Nullable String preconditionResourceVersion) {}

  /**
   * DeleteOptions from the request body when there is one (the query is then ignored, as the API
   * server ignores it), else from the query.
   */
  static DeleteOptions delete(RequestInfo info, @Nullable JsonNode body) {
    String policy;
    Boolean orphan;
    List<String> dryRun = new ArrayList<>();
    String uid;
    String rv;
    if (body != null) {
      policy = body.hasNonNull("propagationPolicy") ? body.get("propagationPolicy").asText() : null;
      orphan =
          body.hasNonNull("orphanDependents") ? body.get("orphanDependents").asBoolean() : null;
      body.path("dryRun").forEach(d -> dryRun.add(d.asText()));
      uid = Json.text(body.path("preconditions"), "uid");
      rv = Json.text(body.path("preconditions"), "resourceVersion");
    } else {
      int64Pointer(info, "gracePeriodSeconds");
      orphan = flagPointer(info, "orphanDependents");
      List<String> policies = info.values("propagationPolicy");
      policy = policies.isEmpty() ? null : policies.get(0);
      dryRun.addAll(info.values("dryRun"));
      uid = info.query().get("uid");
      rv = info.query().get("resourceVersion");
      uid = uid == null || uid.isEmpty() ? null : uid;
      rv = rv == null || rv.isEmpty() ? null : rv;
    }
    List<ApiError.Cause> causes = new ArrayList<>();
    if (orphan != null && policy != null) {
      causes.add(
          new ApiError.Cause(
              "FieldValueInvalid",
              "Invalid value: "
                  + Json.quote(policy)
                  + ": orphanDependents and deletionPropagation cannot be both set",
              "propagationPolicy"));
    }
    if (policy != null && !List.of("Foreground", "Background", "Orphan").contains(policy)) {
      causes.add(
          notSupported(
              "propagationPolicy",
              Json.quote(policy),
              List.of("Foreground", "Background", "Orphan", "nil")));
    }
    dryRunCauses(dryRun, causes);
    check("DeleteOptions", causes);
    if (policy == null && orphan != null && orphan) {
      policy = "Orphan";
    }
    return new DeleteOptions(policy, !dryRun.isEmpty(), uid, rv);
  }
}
