package dev.kubeclient.rest.clientcmd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.rest.ExecConfig;
import dev.kubeclient.rest.RestConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What kubectl refuses or decides in a kubeconfig (client-go's {@code clientcmd} validation,
 * conversion and {@code DirectClientConfig.ClientConfig}), with messages naming file, entry and
 * field.
 */
class KubeConfigStrictnessTest {
  @TempDir Path dir;

  private Path write(String name, String yaml) throws Exception {
    return KubeConfigTest.write(dir, name, yaml);
  }

  private static String context(String cluster, String user) {
    return "current-context: c\ncontexts:\n- name: c\n  context: {cluster: "
        + cluster
        + ", user: "
        + user
        + "}\n";
  }

  /** As client-go's v1 conversion: "duplicate name ... in list". */
  @ParameterizedTest
  @ValueSource(strings = {"clusters", "users", "contexts"})
  void load_nameDefinedTwiceInOneFile_rejectedNamingListAndFile(String list) throws Exception {
    String body = list.equals("clusters") ? "cluster" : list.equals("users") ? "user" : "context";
    Path f =
        write(
            "dup.yaml", list + ":\n- name: x\n  " + body + ": {}\n- name: x\n  " + body + ": {}\n");
    assertThatThrownBy(() -> KubeConfig.load(f))
        .isInstanceOf(KubeConfigException.class)
        .hasMessage(list + " entry 'x' is defined twice in " + f);
  }

  @Test
  void toRestConfig_fileAndDataBothSet_rejectedOnlyForTheEntryInUse() throws Exception {
    Path ca = Files.writeString(dir.resolve("ca.pem"), "pem");
    Path f =
        write(
            "both.yaml",
            context("both", "u")
                + "- name: other\n  context: {cluster: fine, user: u}\n"
                + "clusters:\n- name: both\n  cluster:\n    server: https://k\n"
                + "    certificate-authority: ca.pem\n    certificate-authority-data: cGVt\n"
                + "- name: fine\n  cluster: {server: https://k}\n"
                + "users:\n- name: u\n  user: {token: t}\n");
    KubeConfig kc = KubeConfig.load(f);
    assertThatThrownBy(kc::toRestConfig)
        .isInstanceOf(KubeConfigException.class)
        .hasMessageContaining("cluster 'both' of " + f)
        .hasMessageContaining("certificate-authority and certificate-authority-data are both set");
    assertThat(kc.toRestConfig("other").host()).isEqualTo("https://k");
    assertThat(ca).exists();
    Path users =
        write(
            "users.yaml",
            context("fine", "u")
                + "clusters:\n- name: fine\n  cluster: {server: https://k}\n"
                + "users:\n- name: u\n  user:\n    client-certificate: c.pem\n"
                + "    client-certificate-data: Yw==\n    client-key-data: aw==\n");
    assertThatThrownBy(() -> KubeConfig.load(users).toRestConfig())
        .hasMessageContaining("user 'u' of " + users)
        .hasMessageContaining("client-certificate and client-certificate-data are both set");
  }

  /** As client-go's {@code SetDefaults_ExecConfig} and {@code validateAuthInfo}. */
  @Test
  void toRestConfig_execWithoutInteractiveMode_v1RejectedV1beta1DefaultsToIfAvailable()
      throws Exception {
    String exec =
        "users:\n- name: u\n  user:\n    exec:\n      command: get-token\n      apiVersion: ";
    String clusters = "clusters:\n- name: k\n  cluster: {server: https://k}\n";
    Path v1 =
        write("v1.yaml", context("k", "u") + clusters + exec + "client.authentication.k8s.io/v1\n");
    assertThatThrownBy(() -> KubeConfig.load(v1).toRestConfig())
        .hasMessageContaining("user 'u' of " + v1)
        .hasMessageContaining("interactiveMode")
        .hasMessageContaining("client.authentication.k8s.io/v1 requires");
    Path beta =
        write(
            "beta.yaml",
            context("k", "u") + clusters + exec + "client.authentication.k8s.io/v1beta1\n");
    assertThat(KubeConfig.load(beta).toRestConfig().execProvider().interactiveMode())
        .isEqualTo(ExecConfig.InteractiveMode.IF_AVAILABLE);
  }

  /**
   * client-go's {@code ResolvePath} joins relative paths to the file's directory, {@code ~} too.
   */
  @Test
  void load_tildePath_notExpanded() throws Exception {
    Path f =
        write(
            "sub/config",
            "clusters:\n- name: k\n  cluster:\n    server: https://k\n"
                + "    certificate-authority: ~/ca.pem\n");
    assertThat(KubeConfig.load(f).clusters().get("k").certificateAuthority())
        .isEqualTo(dir.resolve("sub/~/ca.pem"));
  }

  @Test
  void toRestConfig_missingFiles_failAtLoadNamingFileFieldAndEntry() throws Exception {
    String clusters = "clusters:\n- name: k\n  cluster: {server: 'https://k'}\n";
    String missing = dir.resolve("missing.pem").toString();
    Map<String, String> cases =
        Map.of(
            "certificate-authority",
            context("ca", "u")
                + "clusters:\n- name: ca\n  cluster: {server: 'https://k', certificate-authority: "
                + missing
                + "}\nusers:\n- name: u\n  user: {token: t}\n",
            "client-certificate",
            context("k", "u")
                + clusters
                + "users:\n- name: u\n  user: {client-certificate: "
                + missing
                + ", client-key-data: aw==}\n",
            "client-key",
            context("k", "u")
                + clusters
                + "users:\n- name: u\n  user: {client-certificate-data: Yw==, client-key: "
                + missing
                + "}\n",
            "tokenFile",
            context("k", "u")
                + clusters
                + "users:\n- name: u\n  user: {tokenFile: "
                + missing
                + "}\n");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      Path f = write(c.getKey() + ".yaml", c.getValue());
      assertThatThrownBy(() -> KubeConfig.load(f).toRestConfig())
          .as(c.getKey())
          .isInstanceOf(KubeConfigException.class)
          .hasMessageStartingWith("cannot read " + c.getKey() + " " + missing + " of ")
          .hasMessageContaining(
              "'" + (c.getKey().equals("certificate-authority") ? "ca" : "u") + "'")
          .hasMessageContaining(f.toString())
          .hasMessageContaining("NoSuchFileException");
    }
  }

  @Test
  void parse_malformedYaml_keepsTheParsersComplaintButNotTheLine() {
    assertThatThrownBy(
            () ->
                KubeConfig.parse(
                    "users:\n- name: u\n  user:\n    token: sup3rs3cret\n   bad: [unclosed\n"))
        .isInstanceOf(KubeConfigException.class)
        .hasMessageContaining("line ")
        .hasMessageMatching("(?s).*(expected|found|mapping).*")
        .hasMessageNotContaining("sup3rs3cret");
  }

  /**
   * As kubectl's {@code DirectClientConfig.ClientConfig}: a server without a scheme is http, and a
   * non-https server gets neither the cluster's TLS settings nor the user's credentials.
   */
  @Test
  void toRestConfig_serverScheme_httpWithoutSchemeAndCredentialsOnlyOverHttps() {
    String users = "users:\n- name: u\n  user: {token: t0k3n, as: jane}\n";
    RestConfig bare =
        KubeConfig.parse(
                context("k", "u")
                    + "clusters:\n- name: k\n  cluster:\n    server: 10.0.0.1:6443\n"
                    + "    insecure-skip-tls-verify: true\n"
                    + users)
            .toRestConfig();
    assertThat(bare.host()).isEqualTo("http://10.0.0.1:6443");
    assertThat(bare.bearerToken()).isNull();
    assertThat(bare.insecure()).isFalse();
    assertThat(bare.impersonate().userName()).isEqualTo("jane");
    RestConfig secure =
        KubeConfig.parse(
                context("k", "u")
                    + "clusters:\n- name: k\n  cluster: {server: 'https://k'}\n"
                    + users)
            .toRestConfig();
    assertThat(secure.bearerToken()).isEqualTo("t0k3n");
  }

  /** client-go's {@code rest.DefaultServerURL}: no scheme means https only with TLS settings. */
  @Test
  void restConfigHost_withoutScheme_httpsOnlyWithTlsSettings() {
    assertThat(RestConfig.builder().host("h:6443").build().host()).isEqualTo("http://h:6443");
    assertThat(RestConfig.builder().host("h:6443").insecure(true).build().host())
        .isEqualTo("https://h:6443");
    assertThat(RestConfig.builder().host("h:6443").caData(new byte[1]).build().host())
        .isEqualTo("https://h:6443");
    assertThat(RestConfig.builder().host("http://h").caData(new byte[1]).build().host())
        .isEqualTo("http://h");
  }

  /** client-go's {@code homedir.HomeDir}: {@code $HOME} first; an empty KUBECONFIG is unset. */
  @Test
  void loadingRules_homeVariableAndEmptyKubeconfig_findHomeConfig() throws Exception {
    Path home = dir.resolve("elsewhere");
    write("elsewhere/.kube/config", KubeConfigTest.FIRST);
    assertThat(LoadingRules.home(Map.of("HOME", home.toString()))).isEqualTo(home);
    assertThat(LoadingRules.home(Map.of("HOME", "")))
        .isEqualTo(Path.of(System.getProperty("user.home")));
    LoadingRules rules =
        LoadingRules.fromEnvironment(
            Map.of("KUBECONFIG", ""), LoadingRules.home(Map.of("HOME", home.toString())));
    assertThat(rules.files()).containsExactly(home.resolve(".kube/config"));
  }

  /** kubectl's {@code DeferredLoadingClientConfig}: the kubeconfig first, in-cluster after. */
  @Test
  void loadDefault_kubeconfigAndInCluster_kubeconfigWinsInClusterOnlyWithoutOne() throws Exception {
    RestConfig pod = RestConfig.builder().host("https://10.96.0.1").build();
    write(
        "home/.kube/config",
        KubeConfigTest.FIRST
            + KubeConfigTest.SECOND.substring(KubeConfigTest.SECOND.indexOf("contexts:")));
    LoadingRules withFile = LoadingRules.fromEnvironment(Map.of(), dir.resolve("home"));
    assertThat(KubeConfigLoader.loadDefault(withFile, () -> true, () -> pod).host())
        .isEqualTo("https://one.example:6443");
    LoadingRules none = LoadingRules.fromEnvironment(Map.of(), dir.resolve("nohome"));
    assertThat(KubeConfigLoader.loadDefault(none, () -> true, () -> pod)).isSameAs(pod);
    write("empty/.kube/config", "apiVersion: v1\nkind: Config\n");
    LoadingRules empty = LoadingRules.fromEnvironment(Map.of(), dir.resolve("empty"));
    assertThat(KubeConfigLoader.loadDefault(empty, () -> true, () -> pod)).isSameAs(pod);
    assertThatThrownBy(() -> KubeConfigLoader.loadDefault(none, () -> false, () -> pod))
        .isInstanceOf(KubeConfigException.class)
        .hasMessageStartingWith("no configuration");
  }
}
