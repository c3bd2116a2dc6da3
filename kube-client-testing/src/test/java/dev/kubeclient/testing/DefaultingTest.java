package dev.kubeclient.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Defaulting of built-in kinds: each test writes the object a real v1.36 API server (with its
 * default admission plugins) returns for a minimal manifest, from the facts of {@code
 * pkg/apis/{core,apps,batch}/v1/defaults.go}, the kinds' strategies and the Service allocators
 * (cases of {@code TestSetDefaultPod}, {@code TestSetDefaultDeployment}, {@code
 * TestSetDefaultStatefulSet}, {@code TestSetDefaultJob*}, {@code TestSetDefaultService} ...).
 */
class DefaultingTest {
  private EmbeddedApiServer server;
  private TestHttp http;

  @BeforeEach
  void start() {
    server =
        EmbeddedApiServer.newBuilder().https(false).random(new SplittableRandom(7)).build().start();
    http = new TestHttp(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static JsonNode json(String text) {
    try {
      return TestHttp.MAPPER.readTree(text.replace('\'', '"'));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode create(String path, String json) {
    TestHttp.Response r = http.post(path, json.replace('\'', '"'));
    assertThat(r.code()).as(r.body().toString()).isEqualTo(201);
    return r.body();
  }

  private static final String TEMPLATE_SPEC_DEFAULTS =
      "'dnsPolicy':'ClusterFirst','restartPolicy':'Always','schedulerName':'default-scheduler',"
          + "'securityContext':{},'terminationGracePeriodSeconds':30";

  private static final String CONTAINER_DEFAULTS =
      "'resources':{},'terminationMessagePath':'/dev/termination-log',"
          + "'terminationMessagePolicy':'File'";

  @Test
  void pod_getsSpecContainerAdmissionDefaultsAndStatus() {
    JsonNode pod =
        create(
            "/api/v1/namespaces/default/pods",
            "{'metadata':{'name':'p'},'spec':{'containers':[{'name':'a','image':'nginx',"
                + "'ports':[{'containerPort':80}],'readinessProbe':{'httpGet':{'port':80}}},"
                + "{'name':'b','image':'nginx:1.27','resources':{'limits':{'cpu':'1'}}},"
                + "{'name':'c','image':'registry.local:5000/app@sha256:"
                + "0000000000000000000000000000000000000000000000000000000000000000'}],"
                + "'volumes':[{'name':'v'},{'name':'s','secret':{'secretName':'x'}}]}}");
    assertThat(pod.path("spec"))
        .isEqualTo(
            json(
                "{'containers':[{'name':'a','image':'nginx','imagePullPolicy':'Always',"
                    + "'ports':[{'containerPort':80,'protocol':'TCP'}],'readinessProbe':{'httpGet':"
                    + "{'port':80,'path':'/','scheme':'HTTP'},'timeoutSeconds':1,"
                    + "'periodSeconds':10,'successThreshold':1,'failureThreshold':3},"
                    + CONTAINER_DEFAULTS
                    + "},{'name':'b','image':'nginx:1.27','imagePullPolicy':'IfNotPresent',"
                    + "'resources':{'limits':{'cpu':'1'},'requests':{'cpu':'1'}},"
                    + "'resizePolicy':[{'resourceName':'cpu','restartPolicy':'NotRequired'}],"
                    + "'terminationMessagePath':'/dev/termination-log',"
                    + "'terminationMessagePolicy':'File'},{'name':'c','image':"
                    + "'registry.local:5000/app@sha256:"
                    + "0000000000000000000000000000000000000000000000000000000000000000',"
                    + "'imagePullPolicy':'IfNotPresent',"
                    + CONTAINER_DEFAULTS
                    + "}],'volumes':[{'name':'v','emptyDir':{}},{'name':'s','secret':"
                    + "{'secretName':'x','defaultMode':420}}],"
                    + TEMPLATE_SPEC_DEFAULTS
                    + ",'enableServiceLinks':true,'serviceAccountName':'default',"
                    + "'serviceAccount':'default','priority':0,"
                    + "'preemptionPolicy':'PreemptLowerPriority','tolerations':["
                    + "{'key':'node.kubernetes.io/not-ready','operator':'Exists',"
                    + "'effect':'NoExecute','tolerationSeconds':300},"
                    + "{'key':'node.kubernetes.io/unreachable','operator':'Exists',"
                    + "'effect':'NoExecute','tolerationSeconds':300}]}"));
    assertThat(pod.path("status")).isEqualTo(json("{'phase':'Pending','qosClass':'Burstable'}"));
  }

  @Test
  void pod_givenValues_areKept() {
    JsonNode spec =
        create(
                "/api/v1/namespaces/default/pods",
                "{'metadata':{'name':'p'},'spec':{'restartPolicy':'Never','dnsPolicy':'Default',"
                    + "'terminationGracePeriodSeconds':5,'serviceAccountName':'builder',"
                    + "'enableServiceLinks':false,'containers':[{'name':'a','image':'x:latest',"
                    + "'imagePullPolicy':'Never'}]}}")
            .path("spec");
    assertThat(spec.path("restartPolicy").asText()).isEqualTo("Never");
    assertThat(spec.path("dnsPolicy").asText()).isEqualTo("Default");
    assertThat(spec.path("terminationGracePeriodSeconds").asInt()).isEqualTo(5);
    assertThat(spec.path("serviceAccount").asText()).isEqualTo("builder");
    assertThat(spec.path("enableServiceLinks").asBoolean()).isFalse();
    assertThat(spec.path("containers").get(0).path("imagePullPolicy").asText()).isEqualTo("Never");
  }

  @Test
  void deployment_getsStrategyLimitsAndTemplateDefaults() {
    JsonNode d =
        create(
            "/apis/apps/v1/namespaces/default/deployments",
            "{'metadata':{'name':'d'},'spec':{'selector':{'matchLabels':{'app':'d'}},"
                + "'template':{'metadata':{'labels':{'app':'d'}},'spec':{'containers':"
                + "[{'name':'c','image':'nginx:1'}]}}}}");
    assertThat(d.path("spec"))
        .isEqualTo(
            json(
                "{'replicas':1,'selector':{'matchLabels':{'app':'d'}},'strategy':{'type':"
                    + "'RollingUpdate','rollingUpdate':{'maxUnavailable':'25%','maxSurge':'25%'}},"
                    + "'revisionHistoryLimit':10,'progressDeadlineSeconds':600,'template':"
                    + "{'metadata':{'labels':{'app':'d'}},'spec':{'containers':[{'name':'c',"
                    + "'image':'nginx:1','imagePullPolicy':'IfNotPresent',"
                    + CONTAINER_DEFAULTS
                    + "}],"
                    + TEMPLATE_SPEC_DEFAULTS
                    + "}}}"));
    assertThat(d.path("status")).isEqualTo(json("{}"));
  }

  @Test
  void statefulSetDaemonSetReplicaSet_getTheirStrategies() {
    String template =
        "'selector':{'matchLabels':{'app':'x'}},'template':{'metadata':{'labels':{'app':'x'}},"
            + "'spec':{'containers':[{'name':'c','image':'x:1'}]}}";
    JsonNode sts =
        create(
            "/apis/apps/v1/namespaces/default/statefulsets",
            "{'metadata':{'name':'s'},'spec':{'serviceName':'s'," + template + "}}");
    JsonNode spec = sts.path("spec");
    assertThat(spec.path("replicas").asInt()).isEqualTo(1);
    assertThat(spec.path("podManagementPolicy").asText()).isEqualTo("OrderedReady");
    assertThat(spec.path("revisionHistoryLimit").asInt()).isEqualTo(10);
    assertThat(spec.path("updateStrategy"))
        .isEqualTo(
            json("{'type':'RollingUpdate','rollingUpdate':{'partition':0,'maxUnavailable':1}}"));
    assertThat(spec.path("persistentVolumeClaimRetentionPolicy"))
        .isEqualTo(json("{'whenDeleted':'Retain','whenScaled':'Retain'}"));
    assertThat(sts.path("status")).isEqualTo(json("{'replicas':0,'availableReplicas':0}"));
    JsonNode ds =
        create(
            "/apis/apps/v1/namespaces/default/daemonsets",
            "{'metadata':{'name':'d'},'spec':{" + template + "}}");
    assertThat(ds.path("spec").path("updateStrategy"))
        .isEqualTo(
            json("{'type':'RollingUpdate','rollingUpdate':{'maxUnavailable':1,'maxSurge':0}}"));
    assertThat(ds.path("spec").path("revisionHistoryLimit").asInt()).isEqualTo(10);
    JsonNode rs =
        create(
            "/apis/apps/v1/namespaces/default/replicasets",
            "{'metadata':{'name':'r'},'spec':{" + template + "}}");
    assertThat(rs.path("spec").path("replicas").asInt()).isEqualTo(1);
    assertThat(rs.path("spec").path("template").path("spec").path("dnsPolicy").asText())
        .isEqualTo("ClusterFirst");
    assertThat(rs.path("status")).isEqualTo(json("{'replicas':0}"));
  }

  @Test
  void job_getsCountsPoliciesAndAGeneratedSelector() {
    JsonNode job =
        create(
            "/apis/batch/v1/namespaces/default/jobs",
            "{'metadata':{'name':'pi'},'spec':{'template':{'spec':{'restartPolicy':'Never',"
                + "'containers':[{'name':'pi','image':'perl'}]}}}}");
    String uid = job.path("metadata").path("uid").asText();
    JsonNode spec = job.path("spec");
    assertThat(spec.path("completions").asInt()).isEqualTo(1);
    assertThat(spec.path("parallelism").asInt()).isEqualTo(1);
    assertThat(spec.path("backoffLimit").asInt()).isEqualTo(6);
    assertThat(spec.path("completionMode").asText()).isEqualTo("NonIndexed");
    assertThat(spec.path("suspend").asBoolean(true)).isFalse();
    assertThat(spec.path("podReplacementPolicy").asText()).isEqualTo("TerminatingOrFailed");
    JsonNode labels =
        json(
            "{'batch.kubernetes.io/controller-uid':'"
                + uid
                + "','batch.kubernetes.io/job-name':'pi','controller-uid':'"
                + uid
                + "','job-name':'pi'}");
    assertThat(spec.path("selector"))
        .isEqualTo(json("{'matchLabels':{'batch.kubernetes.io/controller-uid':'" + uid + "'}}"));
    assertThat(spec.path("template").path("metadata").path("labels")).isEqualTo(labels);
    assertThat(job.path("metadata").path("labels")).isEqualTo(labels);
    JsonNode parallel =
        create(
            "/apis/batch/v1/namespaces/default/jobs",
            "{'metadata':{'name':'p2'},'spec':{'parallelism':3,'template':{'metadata':"
                + "{'labels':{'app':'p2'}},'spec':{'restartPolicy':'Never','containers':"
                + "[{'name':'c','image':'x:1'}]}}}}");
    assertThat(parallel.path("spec").has("completions")).isFalse();
    assertThat(parallel.path("metadata").path("labels")).isEqualTo(json("{'app':'p2'}"));
  }

  @Test
  void cronJob_getsPolicyAndHistoryLimits() {
    JsonNode spec =
        create(
                "/apis/batch/v1/namespaces/default/cronjobs",
                "{'metadata':{'name':'c'},'spec':{'schedule':'@hourly','jobTemplate':{'spec':"
                    + "{'template':{'spec':{'restartPolicy':'OnFailure','containers':[{'name':"
                    + "'c','image':'x:1'}]}}}}}}")
            .path("spec");
    assertThat(spec.path("concurrencyPolicy").asText()).isEqualTo("Allow");
    assertThat(spec.path("suspend").asBoolean(true)).isFalse();
    assertThat(spec.path("successfulJobsHistoryLimit").asInt()).isEqualTo(3);
    assertThat(spec.path("failedJobsHistoryLimit").asInt()).isEqualTo(1);
    JsonNode jobSpec = spec.path("jobTemplate").path("spec");
    assertThat(jobSpec.has("backoffLimit")).isFalse();
    assertThat(jobSpec.path("template").path("spec").path("schedulerName").asText())
        .isEqualTo("default-scheduler");
  }

  @Test
  void service_getsTypePortsPoliciesAndAnAllocatedClusterIp() {
    JsonNode svc =
        create(
            "/api/v1/namespaces/default/services",
            "{'metadata':{'name':'s'},'spec':{'selector':{'app':'x'},'ports':[{'port':80}]}}");
    JsonNode spec = svc.path("spec");
    String ip = spec.path("clusterIP").asText();
    assertThat(ip).startsWith("10.").matches("10\\.(9[6-9]|10[0-9]|11[01])\\.\\d+\\.\\d+");
    assertThat(spec)
        .isEqualTo(
            json(
                "{'selector':{'app':'x'},'ports':[{'port':80,'protocol':'TCP','targetPort':80}],"
                    + "'type':'ClusterIP','sessionAffinity':'None','clusterIP':'"
                    + ip
                    + "','clusterIPs':['"
                    + ip
                    + "'],'ipFamilies':['IPv4'],'ipFamilyPolicy':'SingleStack',"
                    + "'internalTrafficPolicy':'Cluster'}"));
    assertThat(svc.path("status")).isEqualTo(json("{'loadBalancer':{}}"));
  }

  @Test
  void service_nodePortAndLoadBalancer_getNodePortsAndTrafficPolicies() {
    JsonNode lb =
        create(
                "/api/v1/namespaces/default/services",
                "{'metadata':{'name':'lb'},'spec':{'type':'LoadBalancer','sessionAffinity':"
                    + "'ClientIP','ports':[{'port':443,'targetPort':'https'}]}}")
            .path("spec");
    assertThat(lb.path("ports").get(0).path("nodePort").asInt()).isBetween(30000, 32767);
    assertThat(lb.path("ports").get(0).path("targetPort").asText()).isEqualTo("https");
    assertThat(lb.path("externalTrafficPolicy").asText()).isEqualTo("Cluster");
    assertThat(lb.path("allocateLoadBalancerNodePorts").asBoolean()).isTrue();
    assertThat(lb.path("sessionAffinityConfig"))
        .isEqualTo(json("{'clientIP':{'timeoutSeconds':10800}}"));
    TestHttp.Response taken =
        http.post(
            "/api/v1/namespaces/default/services",
            ("{'metadata':{'name':'np'},'spec':{'type':'NodePort','ports':[{'port':80,"
                    + "'nodePort':"
                    + lb.path("ports").get(0).path("nodePort").asInt()
                    + "}]}}")
                .replace('\'', '"'));
    assertThat(taken.code()).isEqualTo(422);
    assertThat(taken.body().path("message").asText())
        .contains("provided port is already allocated");
    JsonNode external =
        create(
                "/api/v1/namespaces/default/services",
                "{'metadata':{'name':'ext'},'spec':{'type':'ExternalName','externalName':"
                    + "'example.com'}}")
            .path("spec");
    assertThat(external.has("clusterIP")).isFalse();
    assertThat(external.has("ipFamilies")).isFalse();
    assertThat(external.has("internalTrafficPolicy")).isFalse();
  }

  @Test
  void service_clusterIp_isUniqueCheckedAndReleasedOnDelete() {
    String services = "/api/v1/namespaces/default/services";
    create(
        services,
        "{'metadata':{'name':'a'},'spec':{'clusterIP':'10.96.0.10','ports':[{'port':80}]}}");
    TestHttp.Response twice =
        http.post(
            services,
            "{\"metadata\":{\"name\":\"b\"},\"spec\":{\"clusterIP\":\"10.96.0.10\",\"ports\":[{\"port\":80}]}}");
    assertThat(twice.code()).isEqualTo(422);
    assertThat(twice.body().path("message").asText())
        .isEqualTo(
            "Service \"b\" is invalid: spec.clusterIPs: Invalid value: []string{\"10.96.0.10\"}:"
                + " failed to allocate IP 10.96.0.10: provided IP is already allocated");
    TestHttp.Response outside =
        http.post(
            services,
            "{\"metadata\":{\"name\":\"c\"},\"spec\":{\"clusterIP\":\"192.168.0.1\",\"ports\":[{\"port\":80}]}}");
    assertThat(outside.code()).isEqualTo(422);
    assertThat(outside.body().path("message").asText())
        .contains("is not in the valid range. The range of valid IPs is 10.96.0.0/12");
    assertThat(http.delete(services + "/a").code()).isEqualTo(200);
    create(
        services,
        "{'metadata':{'name':'b'},'spec':{'clusterIP':'10.96.0.10','ports':[{'port':80}]}}");
    Set<String> ips = new HashSet<>();
    for (int i = 0; i < 30; i++) {
      ips.add(
          create(services, "{'metadata':{'name':'n" + i + "'},'spec':{'ports':[{'port':80}]}}")
              .path("spec")
              .path("clusterIP")
              .asText());
    }
    assertThat(ips).hasSize(30).doesNotContain("10.96.0.10", "10.96.0.1");
  }

  @Test
  void service_update_keepsAllocationsTheNewObjectLeavesOut() {
    String services = "/api/v1/namespaces/default/services";
    JsonNode created =
        create(
            services, "{'metadata':{'name':'s'},'spec':{'type':'NodePort','ports':[{'port':80}]}}");
    TestHttp.Response updated =
        http.put(
            services + "/s",
            "{\"metadata\":{\"name\":\"s\"},\"spec\":{\"type\":\"NodePort\",\"ports\":[{\"port\":80}],\"selector\":{\"a\":\"b\"}}}");
    assertThat(updated.code()).isEqualTo(200);
    assertThat(updated.body().path("spec").path("clusterIP"))
        .isEqualTo(created.path("spec").path("clusterIP"));
    assertThat(updated.body().path("spec").path("ports").get(0).path("nodePort"))
        .isEqualTo(created.path("spec").path("ports").get(0).path("nodePort"));
  }

  @Test
  void serviceClusterIpRange_onTheBuilder_isWhereIpsComeFrom() {
    try (EmbeddedApiServer other =
        EmbeddedApiServer.newBuilder()
            .https(false)
            .serviceClusterIpRange("172.30.0.0/24")
            .build()
            .start()) {
      String ip =
          new TestHttp(other)
              .post(
                  "/api/v1/namespaces/default/services",
                  "{\"metadata\":{\"name\":\"s\"},\"spec\":{\"ports\":[{\"port\":80}]}}")
              .body()
              .path("spec")
              .path("clusterIP")
              .asText();
      assertThat(ip).startsWith("172.30.0.");
    }
    assertThatThrownBy(() -> EmbeddedApiServer.newBuilder().serviceClusterIpRange("10.0.0.0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("serviceClusterIpRange: service CIDR has no prefix length: 10.0.0.0");
  }

  @Test
  void namespaceSecretClaimVolume_getTheirDefaults() {
    JsonNode ns = create("/api/v1/namespaces", "{'metadata':{'name':'team'}}");
    assertThat(ns.path("metadata").path("labels"))
        .isEqualTo(json("{'kubernetes.io/metadata.name':'team'}"));
    assertThat(ns.path("spec")).isEqualTo(json("{'finalizers':['kubernetes']}"));
    assertThat(ns.path("status")).isEqualTo(json("{'phase':'Active'}"));
    assertThat(
            create("/api/v1/namespaces/default/secrets", "{'metadata':{'name':'s'}}")
                .path("type")
                .asText())
        .isEqualTo("Opaque");
    JsonNode claim =
        create(
            "/api/v1/namespaces/default/persistentvolumeclaims",
            "{'metadata':{'name':'c'},'spec':{'accessModes':['ReadWriteOnce'],'resources':"
                + "{'requests':{'storage':'1Gi'}}}}");
    assertThat(claim.path("spec").path("volumeMode").asText()).isEqualTo("Filesystem");
    assertThat(claim.path("status")).isEqualTo(json("{'phase':'Pending'}"));
    JsonNode volume =
        create(
            "/api/v1/persistentvolumes",
            "{'metadata':{'name':'v'},'spec':{'capacity':{'storage':'1Gi'},'accessModes':"
                + "['ReadWriteOnce'],'hostPath':{'path':'/data'}}}");
    assertThat(volume.path("spec").path("persistentVolumeReclaimPolicy").asText())
        .isEqualTo("Retain");
    assertThat(volume.path("spec").path("hostPath")).isEqualTo(json("{'path':'/data','type':''}"));
    JsonNode configMap =
        create("/api/v1/namespaces/default/configmaps", "{'metadata':{'name':'m'}}");
    assertThat(configMap.has("data")).isFalse();
    JsonNode account =
        create("/api/v1/namespaces/default/serviceaccounts", "{'metadata':{'name':'a'}}");
    assertThat(account.has("secrets")).isFalse();
    assertThat(account.has("automountServiceAccountToken")).isFalse();
  }

  @Test
  void replicationController_takesSelectorAndLabelsFromItsTemplate() {
    JsonNode rc =
        create(
            "/api/v1/namespaces/default/replicationcontrollers",
            "{'metadata':{'name':'r'},'spec':{'template':{'metadata':{'labels':{'app':'r'}},"
                + "'spec':{'containers':[{'name':'c','image':'x:1'}]}}}}");
    assertThat(rc.path("spec").path("selector")).isEqualTo(json("{'app':'r'}"));
    assertThat(rc.path("metadata").path("labels")).isEqualTo(json("{'app':'r'}"));
    assertThat(rc.path("spec").path("replicas").asInt()).isEqualTo(1);
  }

  /** The OpenAPI spec's declared defaults of covered fields are the ones applied. */
  @Test
  void openApiDefaults_agreeWithWhatIsApplied() throws IOException {
    Path spec = Path.of("../../shared/k8s-api/openapi-v3/api__v1_openapi.json");
    if (!Files.exists(spec)) {
      spec = Path.of("../shared/k8s-api/openapi-v3/api__v1_openapi.json");
    }
    assumeTrue(Files.exists(spec), "the OpenAPI spec is not beside the repository");
    JsonNode schemas = TestHttp.MAPPER.readTree(spec.toFile()).path("components").path("schemas");
    String containerPortDefault =
        schemas
            .path("io.k8s.api.core.v1.ContainerPort")
            .path("properties")
            .path("protocol")
            .path("default")
            .asText();
    String servicePortDefault =
        schemas
            .path("io.k8s.api.core.v1.ServicePort")
            .path("properties")
            .path("protocol")
            .path("default")
            .asText();
    int rcReplicas =
        schemas
            .path("io.k8s.api.core.v1.ReplicationControllerSpec")
            .path("properties")
            .path("replicas")
            .path("default")
            .asInt();
    JsonNode pod =
        create(
            "/api/v1/namespaces/default/pods",
            "{'metadata':{'name':'p'},'spec':{'containers':[{'name':'a','image':'x:1',"
                + "'ports':[{'containerPort':80}]}]}}");
    assertThat(
            pod.path("spec")
                .path("containers")
                .get(0)
                .path("ports")
                .get(0)
                .path("protocol")
                .asText())
        .isEqualTo(containerPortDefault)
        .isNotEmpty();
    JsonNode svc =
        create(
            "/api/v1/namespaces/default/services",
            "{'metadata':{'name':'s'},'spec':{'ports':[{'port':80}]}}");
    assertThat(svc.path("spec").path("ports").get(0).path("protocol").asText())
        .isEqualTo(servicePortDefault);
    JsonNode rc =
        create(
            "/api/v1/namespaces/default/replicationcontrollers",
            "{'metadata':{'name':'r'},'spec':{'template':{'metadata':{'labels':{'a':'b'}},"
                + "'spec':{'containers':[{'name':'c','image':'x:1'}]}}}}");
    assertThat(rc.path("spec").path("replicas").asInt()).isEqualTo(rcReplicas).isEqualTo(1);
  }
}
