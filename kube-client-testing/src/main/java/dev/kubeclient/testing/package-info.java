/**
 * {@link dev.kubeclient.testing.EmbeddedApiServer}: an in-memory Kubernetes API server on real
 * HTTP(S) loopback for tests, examples and benchmarks, with {@link dev.kubeclient.testing.Faults}
 * for reliability tests, the {@link dev.kubeclient.testing.EmbeddedKube} JUnit 5 extension, and
 * {@link dev.kubeclient.testing.EmbeddedApiServerMain} to run it as a process. It plays the role
 * envtest and the fake clientset play for client-go, over the wire instead of in memory.
 *
 * <h2>What still differs from a real API server</h2>
 *
 * <p>The server answers as a v1.36 API server does for the REST API (CRUD, selectors, paging,
 * watches, patches, server-side apply, Status errors), response negotiation (JSON, YAML,
 * PartialObjectMetadata, server-side Tables with the columns of Kubernetes' printers) and the
 * defaulting of the kinds tests meet most. This is what remains different; a test that depends on a
 * row may pass here and fail against a cluster, or the reverse.
 *
 * <table>
 *   <caption>Differences from a real API server</caption>
 *   <tr><th>Area</th><th>Here</th><th>On a cluster</th></tr>
 *   <tr><td>Controllers</td><td>None: Deployments create no ReplicaSets, Jobs no Pods, no
 *       Endpoints/EndpointSlices are kept, namespaces get no {@code default} ServiceAccount or
 *       {@code kube-root-ca.crt}, there is no {@code kubernetes} Service</td><td>The controller
 *       manager reconciles all of these</td></tr>
 *   <tr><td>Kubelet and scheduler</td><td>None: Pods stay Pending and unscheduled until a test
 *       writes their status; no logs, exec, attach, port-forward, eviction, binding or token
 *       subresources (only {@code status} and {@code scale} are served)</td><td>Pods run</td></tr>
 *   <tr><td>Deletion</td><td>Garbage collection and namespace deletion happen synchronously in the
 *       deleting request; grace periods are not waited for</td><td>Asynchronous, by
 *       controllers; pods wait out their grace period</td></tr>
 *   <tr><td>Wire formats</td><td>Request bodies JSON, YAML, or protobuf for built-in kinds (decoded
 *       with the field numbers of the 1.36 Go types, so {@code kubectl create configmap|secret|
 *       deployment|job|service ...} work); responses are never protobuf: a client accepting
 *       protobuf or JSON (as client-go's protobuf clients and kubectl do) gets JSON, an Accept of
 *       protobuf alone gets 406; protobuf bodies of custom resources and CBOR bodies get
 *       415</td><td>Protobuf responses for built-in kinds; CBOR where enabled</td></tr>
 *   <tr><td>Tables</td><td>Printers for pods, workloads, services, endpoints, endpoint slices,
 *       nodes, events, namespaces, secrets, config maps, service accounts, volumes and claims,
 *       ingresses, ingress classes, network policies, leases, (cluster) role bindings, storage and
 *       priority classes, controller revisions, PDBs and webhook configurations; other built-in
 *       kinds get {@code Name, Created At}; column descriptions are worded differently</td><td>
 *       Also printers for HPAs, CSRs, resource quotas, flow control, CSI, DRA and more</td></tr>
 *   <tr><td>Defaulting</td><td>Pods and pod templates, ReplicationControllers, Services (cluster
 *       IPs from {@link dev.kubeclient.testing.EmbeddedApiServer.Builder#serviceClusterIpRange},
 *       node ports), Secrets, Namespaces, Endpoints, volumes and claims, Deployments, ReplicaSets,
 *       StatefulSets, DaemonSets, Jobs, CronJobs; other kinds are stored as given; quantities are
 *       neither rounded nor canonicalized; Services are single-stack and get no health check node
 *       port</td><td>Every kind is defaulted; dual-stack clusters allocate two IPs</td></tr>
 *   <tr><td>Admission</td><td>Only what the ServiceAccount, DefaultTolerationSeconds and Priority
 *       plugins add to Pods, without the projected service account token volume; webhook
 *       configurations are stored but never called; no LimitRanger or ResourceQuota</td><td>The
 *       default admission chain and webhooks run</td></tr>
 *   <tr><td>Validation</td><td>Custom resources are pruned, defaulted and validated against their
 *       CRD's schema with the API server's messages, but CEL {@code x-kubernetes-validations}
 *       rules are not evaluated; built-in kinds lose unknown fields (reported as {@code
 *       fieldValidation} asks) but are checked only for names, apiVersion/kind, namespace and
 *       resourceVersion; duplicate JSON fields are not detected</td><td>Every built-in field is
 *       validated; CEL rules run; duplicate fields are reported</td></tr>
 *   <tr><td>Server-side apply and managedFields</td><td>Structured merge diff over the built-in
 *       schemas and CRD schemas, every write recorded as the API server records it; but all
 *       versions of a resource share one schema (no conversion of other managers' field sets),
 *       apply to {@code /scale} is refused, and strategic merge patch takes its list keys from
 *       field names, not the Go types</td><td>Field sets are converted between versions</td></tr>
 *   <tr><td>OpenAPI and version</td><td>{@code /openapi/v2} (JSON, protobuf) and {@code
 *       /openapi/v3} carry the 1.36 definitions of the served kinds and the CRDs' schemas, with
 *       paths for resource and status/scale operations but no watch paths, no group-only v3
 *       documents and no v3 protobuf; {@code /version} reports {@code v1.36.0} (the spec's
 *       version) with placeholder build fields; discovery serves the GA group versions, alpha and
 *       beta ones only when enabled on the builder</td><td>Also watch paths, every group's
 *       documents, protobuf v3; the real build; {@code --runtime-config} enables
 *       versions</td></tr>
 *   <tr><td>Authorization</td><td>Open, or the builder's allow rules; access reviews are answered
 *       from those rules</td><td>RBAC and other authorizers</td></tr>
 *   <tr><td>Storage</td><td>One in-memory store, resourceVersions from one counter, a bounded
 *       watch history ({@code historyLimit}), timestamps in whole seconds</td><td>etcd and the
 *       watch cache</td></tr>
 * </table>
 */
@NullMarked
package dev.kubeclient.testing;

import org.jspecify.annotations.NullMarked;
