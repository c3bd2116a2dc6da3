package dev.kubeclient.rest.clientcmd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.rest.ExecConfig;
import dev.kubeclient.rest.RestConfig;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kubeconfig parsing, merging and conversion, as kubectl does them. */
class KubeConfigTest {
  @TempDir Path dir;

  static final String FIRST =
      "apiVersion: v1\nkind: Config\ncurrent-context: dev\n"
          + "clusters:\n- name: shared\n  cluster:\n    server: https://one.example:6443\n"
          + "users:\n- name: u1\n  user:\n    token: first-token\n";
  static final String SECOND =
      "current-context: prod\n"
          + "clusters:\n- name: shared\n  cluster:\n    server: https://two.example:6443\n"
          + "- name: prod-cluster\n  cluster:\n    server: https://prod.example\n"
          + "contexts:\n- name: dev\n  context:\n    cluster: shared\n    user: u2\n    namespace: team\n"
          + "users:\n- name: u2\n  user:\n    token: second-token\n";
  static final String THIRD =
      "contexts:\n- name: dev\n  context:\n    cluster: prod-cluster\n    user: u1\n"
          + "- name: prod\n  context:\n    cluster: prod-cluster\n    user: u1\n"
          + "users:\n- name: u2\n  user:\n    token: third-token\n";

  static Path write(Path dir, String name, String yaml) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, yaml, StandardCharsets.UTF_8);
    return p;
  }

  static String pathList(Path... files) {
    StringBuilder sb = new StringBuilder();
    for (Path f : files) {
      sb.append(sb.length() == 0 ? "" : File.pathSeparator).append(f);
    }
    return sb.toString();
  }

  private Path write(String name, String yaml) throws IOException {
    return write(dir, name, yaml);
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private LoadingRules kubeconfigEnv(Path... files) {
    return LoadingRules.fromEnvironment(Map.of("KUBECONFIG", pathList(files)), dir.resolve("home"));
  }

  @Test
  void load_threeFiles_firstToSetAValueWins() throws Exception {
    Path a = write("a.yaml", FIRST);
    Path b = write("b.yaml", SECOND);
    Path c = write("c.yaml", THIRD);
    KubeConfig kc = kubeconfigEnv(a, b, c).load();
    assertThat(kc.currentContext()).isEqualTo("dev");
    assertThat(kc.contexts().get("dev").cluster()).isEqualTo("shared");
    assertThat(kc.contexts().get("dev").origin()).isEqualTo(b);
    assertThat(kc.clusters().get("shared").server()).isEqualTo("https://one.example:6443");
    assertThat(kc.users().get("u2").token()).isEqualTo("second-token");
    assertThat(kc.contexts()).containsKeys("dev", "prod");
    assertThat(kc.files()).containsExactly(a, b, c);
    RestConfig rc = kc.toRestConfig();
    assertThat(rc.host()).isEqualTo("https://one.example:6443");
    assertThat(rc.bearerToken()).isEqualTo("second-token");
    assertThat(kc.namespace()).isEqualTo("team");
    assertThat(kc.toRestConfig("prod").host()).isEqualTo("https://prod.example");
    assertThat(kc.namespace("prod")).isEqualTo("default");
  }

  @Test
  void load_missingFilesInKubeconfigList_skipped() throws Exception {
    Path a = write("a.yaml", FIRST + SECOND.substring(SECOND.indexOf("contexts:")));
    KubeConfig kc = kubeconfigEnv(dir.resolve("nope.yaml"), a, dir.resolve("gone.yaml")).load();
    assertThat(kc.files()).containsExactly(a);
    assertThat(kc.currentContext()).isEqualTo("dev");
  }

  @Test
  void load_noKubeconfigVariable_usesHomeDefault() throws Exception {
    write("home/.kube/config", FIRST);
    LoadingRules rules = LoadingRules.fromEnvironment(Map.of(), dir.resolve("home"));
    assertThat(rules.files()).containsExactly(dir.resolve("home/.kube/config"));
    assertThat(LoadingRules.fromEnvironment(Map.of(), dir.resolve("other")).files()).isEmpty();
  }

  @Test
  void load_explicitMissingFile_namesIt() {
    Path missing = dir.resolve("missing.yaml");
    assertThatThrownBy(() -> LoadingRules.explicit(missing).load())
        .isInstanceOf(KubeConfigException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist");
  }

  @Test
  void load_relativePaths_resolvedAgainstTheirFile() throws Exception {
    Path f =
        write(
            "sub/config",
            "current-context: c\n"
                + "clusters:\n- name: k\n  cluster:\n    server: https://k:6443\n"
                + "    certificate-authority: certs/ca.pem\n"
                + "contexts:\n- name: c\n  context: {cluster: k, user: u}\n"
                + "users:\n- name: u\n  user:\n    client-certificate: ../client.crt\n"
                + "    client-key: /abs/client.key\n    tokenFile: token\n"
                + "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n"
                + "      command: ./bin/plugin\n"
                + "- name: path-exec\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1\n"
                + "      command: aws\n");
    KubeConfig kc = KubeConfig.load(f);
    Path base = f.getParent();
    assertThat(kc.clusters().get("k").certificateAuthority())
        .isEqualTo(base.resolve("certs/ca.pem"));
    AuthInfo u = kc.users().get("u");
    assertThat(u.clientCertificate()).isEqualTo(dir.resolve("client.crt"));
    assertThat(u.clientKey()).isEqualTo(Path.of("/abs/client.key"));
    assertThat(u.tokenFile()).isEqualTo(base.resolve("token"));
    assertThat(u.exec().command()).isEqualTo(base.resolve("bin/plugin").toString());
    assertThat(kc.users().get("path-exec").exec().command()).isEqualTo("aws");
  }

  @Test
  void toRestConfig_everyAuthKind_mapped() throws Exception {
    Path tokenFile = Files.writeString(dir.resolve("token"), "file-token");
    String yaml =
        "clusters:\n- name: k\n  cluster:\n    server: https://k:6443\n"
            + "    certificate-authority-data: "
            + b64("CA-PEM")
            + "\n    tls-server-name: api.internal\n    proxy-url: socks5://proxy:1080\n"
            + "- name: insecure\n  cluster:\n    server: https://i\n    insecure-skip-tls-verify: true\n"
            + "contexts:\n"
            + "- {name: token, context: {cluster: k, user: token}}\n"
            + "- {name: tokenfile, context: {cluster: k, user: tokenfile}}\n"
            + "- {name: basic, context: {cluster: insecure, user: basic}}\n"
            + "- {name: cert, context: {cluster: k, user: cert}}\n"
            + "- {name: exec, context: {cluster: k, user: exec}}\n"
            + "- {name: as, context: {cluster: k, user: as}}\n"
            + "users:\n"
            + "- {name: token, user: {token: t0k3n}}\n"
            + "- {name: tokenfile, user: {tokenFile: "
            + tokenFile
            + "}}\n"
            + "- {name: basic, user: {username: admin, password: pa55}}\n"
            + "- name: cert\n  user:\n    client-certificate-data: "
            + b64("CERT")
            + "\n    client-key-data: "
            + b64("KEY")
            + "\n"
            + "- name: exec\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n"
            + "      command: aws\n      args: [eks, get-token]\n"
            + "      env: [{name: AWS_PROFILE, value: dev}]\n"
            + "      interactiveMode: Never\n      provideClusterInfo: true\n"
            + "      installHint: install aws\n"
            + "- name: as\n  user:\n    token: x\n    as: jane\n    as-groups: [dev]\n"
            + "    as-user-extra: {scopes: [a]}\n";
    KubeConfig kc = KubeConfig.parse(yaml);

    RestConfig token = kc.toRestConfig("token");
    assertThat(token.bearerToken()).isEqualTo("t0k3n");
    assertThat(new String(token.caData(), StandardCharsets.UTF_8)).isEqualTo("CA-PEM");
    assertThat(token.serverName()).isEqualTo("api.internal");
    assertThat(token.proxyUrl()).isEqualTo(URI.create("socks5://proxy:1080"));
    assertThat(token.toString()).doesNotContain("t0k3n");

    assertThat(kc.toRestConfig("tokenfile").bearerTokenFile()).isEqualTo(tokenFile);

    RestConfig basic = kc.toRestConfig("basic");
    assertThat(basic.username()).isEqualTo("admin");
    assertThat(basic.password()).isEqualTo("pa55");
    assertThat(basic.insecure()).isTrue();
    assertThat(basic.toString()).doesNotContain("pa55");

    RestConfig cert = kc.toRestConfig("cert");
    assertThat(new String(cert.certData(), StandardCharsets.UTF_8)).isEqualTo("CERT");
    assertThat(new String(cert.keyData(), StandardCharsets.UTF_8)).isEqualTo("KEY");
    assertThat(cert.toString()).doesNotContain("KEY");

    ExecConfig exec = kc.toRestConfig("exec").execProvider();
    assertThat(exec.command()).isEqualTo("aws");
    assertThat(exec.args()).containsExactly("eks", "get-token");
    assertThat(exec.env()).containsEntry("AWS_PROFILE", "dev");
    assertThat(exec.apiVersion()).isEqualTo("client.authentication.k8s.io/v1beta1");
    assertThat(exec.interactiveMode()).isEqualTo(ExecConfig.InteractiveMode.NEVER);
    assertThat(exec.provideClusterInfo()).isTrue();
    assertThat(exec.installHint()).isEqualTo("install aws");
    assertThat(exec.toString()).doesNotContain("dev").doesNotContain("get-token");

    RestConfig as = kc.toRestConfig("as");
    assertThat(as.impersonate().userName()).isEqualTo("jane");
    assertThat(as.impersonate().groups()).containsExactly("dev");
    assertThat(as.impersonate().extra()).containsEntry("scopes", List.of("a"));

    assertThat(kc.users().get("basic").toString()).doesNotContain("pa55");
    assertThat(kc.users().get("token").toString()).doesNotContain("t0k3n");
  }

  @Test
  void toRestConfig_contextNamingMissingCluster_namesContextClusterAndFile() throws Exception {
    Path f =
        write(
            "broken-ref",
            "current-context: dev\ncontexts:\n- name: dev\n  context: {cluster: nowhere, user: u}\n");
    KubeConfig kc = KubeConfig.load(f);
    assertThatThrownBy(kc::toRestConfig)
        .isInstanceOf(KubeConfigException.class)
        .hasMessageContaining("context 'dev'")
        .hasMessageContaining("cluster 'nowhere'")
        .hasMessageContaining(f.toString());
  }

  @Test
  void toRestConfig_missingUserOrServerOrContext_namesTheEntry() {
    KubeConfig kc =
        KubeConfig.parse(
            "clusters:\n- {name: k, cluster: {server: https://k}}\n- {name: empty, cluster: {}}\n"
                + "contexts:\n- {name: a, context: {cluster: k, user: ghost}}\n"
                + "- {name: b, context: {cluster: empty}}\n");
    assertThatThrownBy(() -> kc.toRestConfig("a")).hasMessageContaining("user 'ghost'");
    assertThatThrownBy(() -> kc.toRestConfig("b"))
        .hasMessageContaining("cluster 'empty'")
        .hasMessageContaining("no server");
    assertThatThrownBy(() -> kc.toRestConfig("zzz")).hasMessageContaining("context 'zzz'");
    assertThatThrownBy(kc::toRestConfig).hasMessageContaining("no current-context");
  }

  @Test
  void parse_brokenYaml_namesFileAndLineWithoutSecrets() throws Exception {
    Path f =
        write(
            "broken.yaml",
            "users:\n- name: u\n  user:\n    token: sup3rs3cret\n   bad: [unclosed\n");
    assertThatThrownBy(() -> KubeConfig.load(f))
        .isInstanceOf(KubeConfigException.class)
        .hasMessageContaining(f.toString())
        .hasMessageContaining("line ")
        .hasMessageNotContaining("sup3rs3cret");
  }

  @Test
  void parse_wrongTypes_nameFieldAndEntry() {
    assertThatThrownBy(() -> KubeConfig.parse("clusters: {a: b}\n"))
        .isInstanceOf(KubeConfigException.class)
        .hasMessageContaining("clusters")
        .hasMessageContaining("must be a list");
    assertThatThrownBy(() -> KubeConfig.parse("clusters:\n- cluster: {server: x}\n"))
        .hasMessageContaining("clusters[0]")
        .hasMessageContaining("no name");
    assertThatThrownBy(
            () ->
                KubeConfig.parse(
                    "clusters:\n- name: k\n  cluster:\n    server: https://k\n"
                        + "    certificate-authority-data: '%%%'\n"))
        .hasMessageContaining("certificate-authority-data of cluster 'k'")
        .hasMessageContaining("base64");
    assertThatThrownBy(
            () ->
                KubeConfig.parse(
                    "users:\n- name: u\n  user:\n    exec: {command: x, apiVersion: v9}\n"))
        .hasMessageContaining("exec of user 'u'")
        .hasMessageContaining("v9");
  }

  @Test
  void toRestConfig_authProvider_rejectedWithHint() {
    KubeConfig kc =
        KubeConfig.parse(
            "clusters:\n- {name: k, cluster: {server: https://k}}\n"
                + "contexts:\n- {name: c, context: {cluster: k, user: u}}\n"
                + "users:\n- name: u\n  user:\n    auth-provider: {name: oidc}\n");
    assertThatThrownBy(() -> kc.toRestConfig("c"))
        .hasMessageContaining("auth-provider 'oidc'")
        .hasMessageContaining("exec plugin");
  }

  @Test
  void parse_emptyDocument_isEmptyConfig() {
    assertThat(KubeConfig.parse("").contexts()).isEmpty();
    assertThat(KubeConfig.parse("# only a comment\n").currentContext()).isNull();
  }
}
