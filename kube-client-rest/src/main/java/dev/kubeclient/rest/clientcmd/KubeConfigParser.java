package dev.kubeclient.rest.clientcmd;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kubeclient.rest.ExecConfig;
import dev.kubeclient.rest.internal.JsonErrors;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads one kubeconfig document into a {@link KubeConfig}, checking each field's type and naming
 * the file and entry of anything wrong. Relative paths are resolved against {@code baseDir}, as
 * client-go's {@code ResolveLocalPaths} does.
 */
final class KubeConfigParser {
  private static final YAMLMapper YAML = new YAMLMapper();

  private final String source;
  private final @Nullable Path origin;
  private final @Nullable Path baseDir;

  /** Problems kubectl reports when an entry is used, by "cluster NAME" or "user NAME". */
  private final Map<String, String> problems = new LinkedHashMap<>();

  private KubeConfigParser(@Nullable Path origin, @Nullable Path baseDir) {
    this.origin = origin;
    this.baseDir = baseDir;
    this.source = origin == null ? "kubeconfig" : origin.toString();
  }

  static KubeConfig parse(String yaml, @Nullable Path origin, @Nullable Path baseDir) {
    return new KubeConfigParser(origin, baseDir).parse(yaml);
  }

  private KubeConfig parse(String yaml) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new KubeConfigException(
          "cannot parse " + source + JsonErrors.position(e) + ": " + parserComplaint(e));
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return KubeConfig.EMPTY;
    }
    if (!root.isObject()) {
      throw new KubeConfigException(source + " is not a kubeconfig: the document is not a mapping");
    }
    Map<String, Cluster> clusters = new LinkedHashMap<>();
    for (Named n : named(root, "clusters", "cluster")) {
      clusters.put(n.name, cluster(n));
    }
    Map<String, AuthInfo> users = new LinkedHashMap<>();
    for (Named n : named(root, "users", "user")) {
      users.put(n.name, user(n));
    }
    Map<String, Context> contexts = new LinkedHashMap<>();
    for (Named n : named(root, "contexts", "context")) {
      String where = "context '" + n.name + "' of " + source;
      contexts.put(
          n.name,
          new Context(
              n.name,
              text(n.body, "cluster", where),
              text(n.body, "user", where),
              text(n.body, "namespace", where),
              origin));
    }
    String current = text(root, "current-context", source);
    return new KubeConfig(
        clusters, users, contexts, current, origin == null ? List.of() : List.of(origin), problems);
  }

  private record Named(String name, JsonNode body) {}

  private List<Named> named(JsonNode root, String listField, String bodyField) {
    JsonNode list = root.get(listField);
    List<Named> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    if (list == null || list.isNull()) {
      return out;
    }
    if (!list.isArray()) {
      throw new KubeConfigException(listField + " in " + source + " must be a list");
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      String where = listField + "[" + i + "] of " + source;
      String name = text(item, "name", where);
      if (name == null || name.isEmpty()) {
        throw new KubeConfigException(where + " has no name");
      }
      // As kubectl's conversion of the file: one name, one entry.
      if (!seen.add(name)) {
        throw new KubeConfigException(
            listField + " entry '" + name + "' is defined twice in " + source);
      }
      JsonNode body = item.get(bodyField);
      if (body == null || body.isNull()) {
        body = YAML.createObjectNode();
      } else if (!body.isObject()) {
        throw new KubeConfigException(
            bodyField
                + " of "
                + listField
                + " entry '"
                + name
                + "' in "
                + source
                + " must be a mapping");
      }
      out.add(new Named(name, body));
    }
    return out;
  }

  private Cluster cluster(Named n) {
    String where = "cluster '" + n.name + "' of " + source;
    JsonNode b = n.body;
    bothSet(b, "certificate-authority", "cluster " + n.name);
    return new Cluster(
        n.name,
        text(b, "server", where),
        path(text(b, "certificate-authority", where)),
        base64(b, "certificate-authority-data", where),
        bool(b, "insecure-skip-tls-verify", where),
        text(b, "tls-server-name", where),
        text(b, "proxy-url", where),
        origin);
  }

  private AuthInfo user(Named n) {
    String where = "user '" + n.name + "' of " + source;
    JsonNode b = n.body;
    bothSet(b, "client-certificate", "user " + n.name);
    bothSet(b, "client-key", "user " + n.name);
    JsonNode authProvider = b.get("auth-provider");
    String authProviderName = null;
    if (authProvider != null && !authProvider.isNull()) {
      authProviderName = authProvider.path("name").asText("unnamed");
    }
    List<String> groups = new ArrayList<>();
    JsonNode g = b.get("as-groups");
    if (g != null && g.isArray()) {
      g.forEach(x -> groups.add(x.asText()));
    }
    Map<String, List<String>> extra = new LinkedHashMap<>();
    JsonNode ex = b.get("as-user-extra");
    if (ex != null && ex.isObject()) {
      ex.properties()
          .forEach(
              e -> {
                List<String> vs = new ArrayList<>();
                e.getValue().forEach(v -> vs.add(v.asText()));
                extra.put(e.getKey(), vs);
              });
    }
    return new AuthInfo(
        n.name,
        path(text(b, "client-certificate", where)),
        base64(b, "client-certificate-data", where),
        path(text(b, "client-key", where)),
        base64(b, "client-key-data", where),
        text(b, "token", where),
        path(text(b, "tokenFile", where)),
        text(b, "username", where),
        text(b, "password", where),
        exec(b.get("exec"), where, n.name),
        authProviderName,
        text(b, "as", where),
        text(b, "as-uid", where),
        groups,
        extra,
        origin);
  }

  private @Nullable ExecConfig exec(@Nullable JsonNode e, String where, String userName) {
    if (e == null || e.isNull()) {
      return null;
    }
    String w = "exec of " + where;
    if (!e.isObject()) {
      throw new KubeConfigException(w + " must be a mapping");
    }
    String command = text(e, "command", w);
    if (command == null || command.isEmpty()) {
      throw new KubeConfigException(w + " has no command");
    }
    // As client-go: only a command with a path separator is relative to the kubeconfig.
    if (command.contains("/") && baseDir != null && !Path.of(command).isAbsolute()) {
      command = baseDir.resolve(command).normalize().toString();
    }
    try {
      ExecConfig.Builder b = ExecConfig.builder().command(command);
      List<String> args = new ArrayList<>();
      JsonNode a = e.get("args");
      if (a != null && a.isArray()) {
        a.forEach(x -> args.add(x.asText()));
      }
      b.args(args);
      JsonNode env = e.get("env");
      if (env != null && env.isArray()) {
        for (JsonNode v : env) {
          b.env(v.path("name").asText(), v.path("value").asText());
        }
      }
      String apiVersion = text(e, "apiVersion", w);
      if (apiVersion == null) {
        throw new KubeConfigException(w + " has no apiVersion");
      }
      b.apiVersion(apiVersion);
      b.installHint(text(e, "installHint", w));
      b.provideClusterInfo(bool(e, "provideClusterInfo", w));
      String mode = text(e, "interactiveMode", w);
      if (mode != null && !mode.isEmpty()) {
        b.interactiveMode(ExecConfig.InteractiveMode.parse(mode));
      } else if (apiVersion.endsWith("/v1")) {
        // client-go defaults it only for v1beta1, for compatibility; v1 must say.
        problems.putIfAbsent(
            "user " + userName,
            "exec has no interactiveMode, which "
                + apiVersion
                + " requires (Never, IfAvailable or Always)");
      } else {
        b.interactiveMode(ExecConfig.InteractiveMode.IF_AVAILABLE);
      }
      return b.build();
    } catch (IllegalArgumentException ex) {
      throw new KubeConfigException(w + ": " + ex.getMessage(), ex);
    }
  }

  /**
   * A path of the file, relative to its directory as client-go's {@code ResolveLocalPaths}; like
   * client-go, {@code ~} is not expanded (it is a relative path's first segment).
   */
  private @Nullable Path path(@Nullable String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    Path p = Path.of(value);
    return p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p).normalize();
  }

  /** kubectl rejects a field set both as a file and as {@code -data}. */
  private void bothSet(JsonNode body, String field, String entry) {
    JsonNode file = body.get(field);
    JsonNode data = body.get(field + "-data");
    if (file != null
        && !file.isNull()
        && !file.asText().isEmpty()
        && data != null
        && !data.isNull()
        && !data.asText().isEmpty()) {
      problems.putIfAbsent(entry, field + " and " + field + "-data are both set; set only one");
    }
  }

  /**
   * The YAML parser's own complaint ("expected <block end>, but found '-'", with its line and
   * column), without the lines of the document it quotes: they may hold a token.
   */
  private static String parserComplaint(JsonProcessingException e) {
    String original = e.getOriginalMessage();
    if (original == null) {
      return e.getClass().getSimpleName();
    }
    StringBuilder b = new StringBuilder();
    for (String line : original.split("\n")) {
      String l = line.strip();
      // The parser indents the quoted document lines and the caret under them.
      if (line.startsWith("    ") || l.isEmpty()) {
        continue;
      }
      if (l.endsWith(":")) {
        l = l.substring(0, l.length() - 1);
      }
      b.append(b.length() == 0 ? "" : "; ").append(l);
    }
    String text = b.toString();
    return text.length() > 400 ? text.substring(0, 400) + "..." : text;
  }

  private static @Nullable String text(JsonNode node, String field, String where) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isValueNode()) {
      throw new KubeConfigException(field + " of " + where + " must be a string");
    }
    return v.asText();
  }

  private static boolean bool(JsonNode node, String field, String where) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return false;
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isTextual() && (v.asText().equals("true") || v.asText().equals("false"))) {
      return Boolean.parseBoolean(v.asText());
    }
    throw new KubeConfigException(field + " of " + where + " must be true or false");
  }

  private static byte @Nullable [] base64(JsonNode node, String field, String where) {
    String v = text(node, field, where);
    if (v == null || v.isEmpty()) {
      return null;
    }
    try {
      // The MIME decoder would skip invalid characters silently; strip only whitespace.
      return Base64.getDecoder()
          .decode(v.replaceAll("\\s", "").getBytes(StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      throw new KubeConfigException(field + " of " + where + " is not valid base64");
    }
  }
}
