package dev.kubeclient.testing.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The built-in resources the server serves: every group, version and resource of the Kubernetes
 * 1.36 API with its kind, scope and verbs and the status and scale subresources, as the API's
 * OpenAPI description lists them, with short names and categories as discovery reports them.
 * Written out as data so the server needs no spec at run time.
 */
public final class BuiltinTypes {
  /**
   * Columns: group ({@code -} for core), versions, plural, kind, scope, verbs ({@code *} for all),
   * short names, categories, subresources; lists are comma-separated, {@code -} is empty.
   */
  private static final String TABLE =
      """
      -                            v1                  componentstatuses                 ComponentStatus                  cluster get,list                                  cs       -              -
      -                            v1                  configmaps                        ConfigMap                        ns      *                                         cm       -              -
      -                            v1                  endpoints                         Endpoints                        ns      *                                         ep       -              -
      -                            v1                  events                            Event                            ns      *                                         ev       -              -
      -                            v1                  limitranges                       LimitRange                       ns      *                                         limits   -              -
      -                            v1                  namespaces                        Namespace                        cluster create,delete,get,list,patch,update,watch ns       -              status
      -                            v1                  bindings                          Binding                          ns      create                                    -        -              -
      -                            v1                  persistentvolumeclaims            PersistentVolumeClaim            ns      *                                         pvc      -              status
      -                            v1                  pods                              Pod                              ns      *                                         po       all            status
      -                            v1                  podtemplates                      PodTemplate                      ns      *                                         -        -              -
      -                            v1                  replicationcontrollers            ReplicationController            ns      *                                         rc       all            scale,status
      -                            v1                  resourcequotas                    ResourceQuota                    ns      *                                         quota    -              status
      -                            v1                  secrets                           Secret                           ns      *                                         -        -              -
      -                            v1                  serviceaccounts                   ServiceAccount                   ns      *                                         sa       -              -
      -                            v1                  services                          Service                          ns      *                                         svc      all            status
      -                            v1                  nodes                             Node                             cluster *                                         no       -              status
      -                            v1                  persistentvolumes                 PersistentVolume                 cluster *                                         pv       -              status
      admissionregistration.k8s.io v1,v1alpha1,v1beta1 mutatingadmissionpolicies         MutatingAdmissionPolicy          cluster *                                         -        api-extensions -
      admissionregistration.k8s.io v1,v1alpha1,v1beta1 mutatingadmissionpolicybindings   MutatingAdmissionPolicyBinding   cluster *                                         -        api-extensions -
      admissionregistration.k8s.io v1                  mutatingwebhookconfigurations     MutatingWebhookConfiguration     cluster *                                         -        api-extensions -
      admissionregistration.k8s.io v1                  validatingadmissionpolicies       ValidatingAdmissionPolicy        cluster *                                         -        api-extensions status
      admissionregistration.k8s.io v1                  validatingadmissionpolicybindings ValidatingAdmissionPolicyBinding cluster *                                         -        api-extensions -
      admissionregistration.k8s.io v1                  validatingwebhookconfigurations   ValidatingWebhookConfiguration   cluster *                                         -        api-extensions -
      apiextensions.k8s.io         v1                  customresourcedefinitions         CustomResourceDefinition         cluster *                                         crd,crds api-extensions status
      apiregistration.k8s.io       v1                  apiservices                       APIService                       cluster *                                         -        api-extensions status
      apps                         v1                  controllerrevisions               ControllerRevision               ns      *                                         -        -              -
      apps                         v1                  daemonsets                        DaemonSet                        ns      *                                         ds       all            status
      apps                         v1                  deployments                       Deployment                       ns      *                                         deploy   all            scale,status
      apps                         v1                  replicasets                       ReplicaSet                       ns      *                                         rs       all            scale,status
      apps                         v1                  statefulsets                      StatefulSet                      ns      *                                         sts      all            scale,status
      authentication.k8s.io        v1                  selfsubjectreviews                SelfSubjectReview                cluster create                                    -        -              -
      authentication.k8s.io        v1                  tokenreviews                      TokenReview                      cluster create                                    -        -              -
      authorization.k8s.io         v1                  localsubjectaccessreviews         LocalSubjectAccessReview         ns      create                                    -        -              -
      authorization.k8s.io         v1                  selfsubjectaccessreviews          SelfSubjectAccessReview          cluster create                                    -        -              -
      authorization.k8s.io         v1                  selfsubjectrulesreviews           SelfSubjectRulesReview           cluster create                                    -        -              -
      authorization.k8s.io         v1                  subjectaccessreviews              SubjectAccessReview              cluster create                                    -        -              -
      autoscaling                  v1,v2               horizontalpodautoscalers          HorizontalPodAutoscaler          ns      *                                         hpa      all            status
      batch                        v1                  cronjobs                          CronJob                          ns      *                                         cj       all            status
      batch                        v1                  jobs                              Job                              ns      *                                         -        all            status
      certificates.k8s.io          v1                  certificatesigningrequests        CertificateSigningRequest        cluster *                                         csr      -              status
      certificates.k8s.io          v1alpha1,v1beta1    clustertrustbundles               ClusterTrustBundle               cluster *                                         -        -              -
      certificates.k8s.io          v1beta1             podcertificaterequests            PodCertificateRequest            ns      *                                         -        -              status
      coordination.k8s.io          v1                  leases                            Lease                            ns      *                                         -        -              -
      coordination.k8s.io          v1alpha2,v1beta1    leasecandidates                   LeaseCandidate                   ns      *                                         -        -              -
      discovery.k8s.io             v1                  endpointslices                    EndpointSlice                    ns      *                                         -        -              -
      events.k8s.io                v1                  events                            Event                            ns      *                                         ev       -              -
      flowcontrol.apiserver.k8s.io v1                  flowschemas                       FlowSchema                       cluster *                                         -        -              status
      flowcontrol.apiserver.k8s.io v1                  prioritylevelconfigurations       PriorityLevelConfiguration       cluster *                                         -        -              status
      internal.apiserver.k8s.io    v1alpha1            storageversions                   StorageVersion                   cluster *                                         -        -              status
      networking.k8s.io            v1                  ingressclasses                    IngressClass                     cluster *                                         -        -              -
      networking.k8s.io            v1                  ingresses                         Ingress                          ns      *                                         ing      -              status
      networking.k8s.io            v1,v1beta1          ipaddresses                       IPAddress                        cluster *                                         -        -              -
      networking.k8s.io            v1                  networkpolicies                   NetworkPolicy                    ns      *                                         netpol   -              -
      networking.k8s.io            v1,v1beta1          servicecidrs                      ServiceCIDR                      cluster *                                         -        -              status
      node.k8s.io                  v1                  runtimeclasses                    RuntimeClass                     cluster *                                         -        -              -
      policy                       v1                  poddisruptionbudgets              PodDisruptionBudget              ns      *                                         pdb      -              status
      rbac.authorization.k8s.io    v1                  clusterrolebindings               ClusterRoleBinding               cluster *                                         -        -              -
      rbac.authorization.k8s.io    v1                  clusterroles                      ClusterRole                      cluster *                                         -        -              -
      rbac.authorization.k8s.io    v1                  rolebindings                      RoleBinding                      ns      *                                         -        -              -
      rbac.authorization.k8s.io    v1                  roles                             Role                             ns      *                                         -        -              -
      resource.k8s.io              v1,v1beta1,v1beta2  deviceclasses                     DeviceClass                      cluster *                                         -        -              -
      resource.k8s.io              v1,v1beta1,v1beta2  resourceclaims                    ResourceClaim                    ns      *                                         -        -              status
      resource.k8s.io              v1,v1beta1,v1beta2  resourceclaimtemplates            ResourceClaimTemplate            ns      *                                         -        -              -
      resource.k8s.io              v1,v1beta1,v1beta2  resourceslices                    ResourceSlice                    cluster *                                         -        -              -
      resource.k8s.io              v1alpha3,v1beta2    devicetaintrules                  DeviceTaintRule                  cluster *                                         -        -              status
      resource.k8s.io              v1alpha3            resourcepoolstatusrequests        ResourcePoolStatusRequest        cluster *                                         -        -              status
      scheduling.k8s.io            v1                  priorityclasses                   PriorityClass                    cluster *                                         pc       -              -
      scheduling.k8s.io            v1alpha2            podgroups                         PodGroup                         ns      *                                         -        -              status
      scheduling.k8s.io            v1alpha2            workloads                         Workload                         ns      *                                         -        -              -
      storage.k8s.io               v1                  csidrivers                        CSIDriver                        cluster *                                         -        -              -
      storage.k8s.io               v1                  csinodes                          CSINode                          cluster *                                         -        -              -
      storage.k8s.io               v1                  csistoragecapacities              CSIStorageCapacity               ns      *                                         -        -              -
      storage.k8s.io               v1                  storageclasses                    StorageClass                     cluster *                                         sc       -              -
      storage.k8s.io               v1                  volumeattachments                 VolumeAttachment                 cluster *                                         -        -              status
      storage.k8s.io               v1,v1beta1          volumeattributesclasses           VolumeAttributesClass            cluster *                                         -        -              -
      storagemigration.k8s.io      v1beta1             storageversionmigrations          StorageVersionMigration          cluster *                                         -        -              status
      """;

  private static final List<ResourceType> ALL = parse();

  private BuiltinTypes() {}

  /** Every built-in resource, core group first. */
  public static List<ResourceType> all() {
    return ALL;
  }

  private static List<ResourceType> parse() {
    List<ResourceType> types = new ArrayList<>();
    for (String line : TABLE.strip().split("\n")) {
      String[] c = line.trim().split("\\s+");
      String group = c[0].equals("-") ? "" : c[0];
      List<String> verbs = c[5].equals("*") ? ResourceType.ALL_VERBS : list(c[5]);
      for (String version : list(c[1])) {
        types.add(
            new ResourceType(
                group,
                version,
                c[2],
                c[3].toLowerCase(Locale.ROOT),
                c[3],
                c[4].equals("ns"),
                verbs,
                list(c[6]),
                list(c[7]),
                Set.copyOf(list(c[8])),
                true));
      }
    }
    return List.copyOf(types);
  }

  private static List<String> list(String column) {
    return column.equals("-") ? List.of() : Arrays.asList(column.split(","));
  }
}
