package dev.kubeclient.testing.internal;

import static dev.kubeclient.testing.internal.TablePrinter.age;
import static dev.kubeclient.testing.internal.TablePrinter.col;
import static dev.kubeclient.testing.internal.TablePrinter.name;
import static dev.kubeclient.testing.internal.TablePrinter.wide;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Table printers of pods and the workload kinds (templates, Deployments, ReplicaSets, StatefulSets,
 * DaemonSets, Jobs, CronJobs, ReplicationControllers, ControllerRevisions, PodDisruptionBudgets):
 * the columns and cell rules of Kubernetes' {@code printers.go}, including the pod STATUS reason
 * (init containers, waiting and terminated reasons, Terminating) and the RESTARTS "(5m ago)"
 * suffix.
 */
final class WorkloadPrinters {
  private static final String CONTAINERS = "Names of each container in the template.";
  private static final String IMAGES = "Images referenced by each container in the template.";
  private static final String SELECTOR = "The label selector of the pods.";

  private WorkloadPrinters() {}

  static void register(Map<String, TablePrinter> printers) {
    printers.put(
        "/pods",
        new TablePrinter(
            List.of(
                name(),
                col("Ready", "string", "Ready containers of the pod, of all its containers."),
                col("Status", "string", "The aggregate status of the pod's containers."),
                col("Restarts", "string", "Container restarts, and how long ago the last was."),
                age(),
                wide("IP", "string", "The pod's first IP address."),
                wide("Node", "string", "The node the pod is bound to."),
                wide("Nominated Node", "string", "The node the scheduler nominated."),
                wide("Readiness Gates", "string", "Readiness gates that are true, of all.")),
            WorkloadPrinters::pod));
    printers.put(
        "/podtemplates",
        new TablePrinter(
            List.of(
                name(),
                col("Containers", "string", CONTAINERS),
                col("Images", "string", IMAGES),
                col("Pod Labels", "string", "The labels of the pod template.")),
            (o, c) ->
                c.add(c.name(o))
                    .containers(o.path("template").path("spec"))
                    .add(Cells.formatLabels(o.path("template").path("metadata").path("labels")))));
    printers.put(
        "/replicationcontrollers",
        new TablePrinter(
            replicaColumns(),
            (o, c) -> replicaRow(o, c, Cells.formatLabels(o.path("spec").path("selector")))));
    printers.put(
        "apps/deployments",
        new TablePrinter(
            List.of(
                name(),
                col("Ready", "string", "Ready pods of the desired replicas."),
                col("Up-to-date", "string", "Replicas of the newest template."),
                col("Available", "string", "Available replicas."),
                age(),
                wide("Containers", "string", CONTAINERS),
                wide("Images", "string", IMAGES),
                wide("Selector", "string", SELECTOR)),
            (o, c) ->
                c.add(c.name(o))
                    .add(readyOfDesired(o))
                    .add(o.path("status").path("updatedReplicas").asLong(0))
                    .add(o.path("status").path("availableReplicas").asLong(0))
                    .add(c.age(o))
                    .containers(o.path("spec").path("template").path("spec"))
                    .add(Cells.selectorString(o.path("spec").path("selector")))));
    printers.put(
        "apps/replicasets",
        new TablePrinter(
            replicaColumns(),
            (o, c) ->
                replicaRow(o, c, Cells.formatLabelSelector(o.path("spec").path("selector")))));
    printers.put(
        "apps/statefulsets",
        new TablePrinter(
            List.of(
                name(),
                col("Ready", "string", "Ready pods of the desired replicas."),
                age(),
                wide("Containers", "string", CONTAINERS),
                wide("Images", "string", IMAGES)),
            (o, c) ->
                c.add(c.name(o))
                    .add(readyOfDesired(o))
                    .add(c.age(o))
                    .containers(o.path("spec").path("template").path("spec"))));
    printers.put(
        "apps/daemonsets",
        new TablePrinter(
            List.of(
                name(),
                col("Desired", "integer", "Nodes that should run the daemon pod."),
                col("Current", "integer", "Nodes running at least one daemon pod."),
                col("Ready", "integer", "Nodes with a ready daemon pod."),
                col("Up-to-date", "integer", "Nodes running the newest daemon pod."),
                col("Available", "integer", "Nodes with an available daemon pod."),
                col("Node Selector", "string", "The node selector of the pod template."),
                age(),
                wide("Containers", "string", CONTAINERS),
                wide("Images", "string", IMAGES),
                wide("Selector", "string", SELECTOR)),
            (o, c) -> {
              JsonNode s = o.path("status");
              c.add(c.name(o))
                  .add(s.path("desiredNumberScheduled").asLong(0))
                  .add(s.path("currentNumberScheduled").asLong(0))
                  .add(s.path("numberReady").asLong(0))
                  .add(s.path("updatedNumberScheduled").asLong(0))
                  .add(s.path("numberAvailable").asLong(0))
                  .add(
                      Cells.formatLabels(
                          o.path("spec").path("template").path("spec").path("nodeSelector")))
                  .add(c.age(o))
                  .containers(o.path("spec").path("template").path("spec"))
                  .add(Cells.formatLabelSelector(o.path("spec").path("selector")));
            }));
    printers.put(
        "batch/jobs",
        new TablePrinter(
            List.of(
                name(),
                col("Status", "string", "Status of the job."),
                col("Completions", "string", "Succeeded pods of the completions wanted."),
                col("Duration", "string", "Time the job took, or has taken so far."),
                age(),
                wide("Containers", "string", CONTAINERS),
                wide("Images", "string", IMAGES),
                wide("Selector", "string", SELECTOR)),
            WorkloadPrinters::job));
    printers.put(
        "batch/cronjobs",
        new TablePrinter(
            List.of(
                name(),
                col("Schedule", "string", "The cron schedule."),
                col("Timezone", "string", "The time zone of the schedule."),
                col("Suspend", "boolean", "Whether new runs are suspended."),
                col("Active", "integer", "Running jobs."),
                col("Last Schedule", "string", "When a job was last scheduled."),
                age(),
                wide("Containers", "string", CONTAINERS),
                wide("Images", "string", IMAGES),
                wide("Selector", "string", SELECTOR)),
            (o, c) -> {
              JsonNode spec = o.path("spec");
              JsonNode suspend = spec.get("suspend");
              JsonNode last = o.path("status").get("lastScheduleTime");
              JsonNode jobSpec = spec.path("jobTemplate").path("spec");
              c.add(c.name(o))
                  .add(spec.path("schedule").asText(""))
                  .add(Cells.text(spec.path("timeZone"), "<none>"))
                  .add(
                      suspend == null || !suspend.isBoolean()
                          ? "<unset>"
                          : suspend.asBoolean() ? "True" : "False")
                  .add((long) o.path("status").path("active").size())
                  .add(last == null || last.isNull() ? "<none>" : c.since(last))
                  .add(c.age(o))
                  .containers(jobSpec.path("template").path("spec"))
                  .add(Cells.formatLabelSelector(jobSpec.path("selector")));
            }));
    printers.put(
        "apps/controllerrevisions",
        new TablePrinter(
            List.of(
                name(),
                col("Controller", "string", "The controller of the revision."),
                col("Revision", "string", "The revision number."),
                age()),
            (o, c) -> {
              String controller = "<none>";
              for (JsonNode ref : o.path("metadata").path("ownerReferences")) {
                if (ref.path("controller").asBoolean(false)) {
                  String apiVersion = ref.path("apiVersion").asText("");
                  int slash = apiVersion.indexOf('/');
                  String group = slash < 0 ? "" : "." + apiVersion.substring(0, slash);
                  controller =
                      (ref.path("kind").asText("") + group).toLowerCase(java.util.Locale.ROOT)
                          + "/"
                          + ref.path("name").asText("");
                }
              }
              c.add(c.name(o)).add(controller).add(o.path("revision").asLong(0)).add(c.age(o));
            }));
    printers.put(
        "policy/poddisruptionbudgets",
        new TablePrinter(
            List.of(
                name(),
                col("Min Available", "string", "Pods that must stay available."),
                col("Max Unavailable", "string", "Pods that may be unavailable."),
                col("Allowed Disruptions", "integer", "Pods that may be disrupted now."),
                age()),
            (o, c) ->
                c.add(c.name(o))
                    .add(Cells.text(o.path("spec").path("minAvailable"), "N/A"))
                    .add(Cells.text(o.path("spec").path("maxUnavailable"), "N/A"))
                    .add(o.path("status").path("disruptionsAllowed").asLong(0))
                    .add(c.age(o))));
  }

  /** The columns of ReplicaSets and ReplicationControllers. */
  private static List<TablePrinter.Column> replicaColumns() {
    return List.of(
        name(),
        col("Desired", "integer", "Desired replicas."),
        col("Current", "integer", "Current replicas."),
        col("Ready", "integer", "Ready replicas."),
        age(),
        wide("Containers", "string", CONTAINERS),
        wide("Images", "string", IMAGES),
        wide("Selector", "string", SELECTOR));
  }

  private static void replicaRow(JsonNode o, Cells c, String selector) {
    c.add(c.name(o))
        .add(o.path("spec").path("replicas").asLong(0))
        .add(o.path("status").path("replicas").asLong(0))
        .add(o.path("status").path("readyReplicas").asLong(0))
        .add(c.age(o))
        .containers(o.path("spec").path("template").path("spec"))
        .add(selector);
  }

  /** {@code ready/desired} of a Deployment or StatefulSet. */
  private static String readyOfDesired(JsonNode o) {
    return o.path("status").path("readyReplicas").asLong(0)
        + "/"
        + o.path("spec").path("replicas").asLong(0);
  }

  private static void job(JsonNode o, Cells c) {
    JsonNode spec = o.path("spec");
    JsonNode status = o.path("status");
    long succeeded = status.path("succeeded").asLong(0);
    String completions;
    if (spec.hasNonNull("completions")) {
      completions = succeeded + "/" + spec.path("completions").asLong();
    } else if (spec.path("parallelism").asLong(0) > 1) {
      completions = succeeded + "/1 of " + spec.path("parallelism").asLong();
    } else {
      completions = succeeded + "/1";
    }
    Instant start = Cells.instant(status.get("startTime"));
    Instant end = Cells.instant(status.get("completionTime"));
    String duration = "";
    if (start != null && end == null) {
      duration = c.since(status.get("startTime"));
    } else if (start != null) {
      duration = Cells.humanDuration(end.toEpochMilli() - start.toEpochMilli());
    }
    JsonNode conditions = status.path("conditions");
    String state;
    if (conditionTrue(conditions, "Complete")) {
      state = "Complete";
    } else if (conditionTrue(conditions, "Failed")) {
      state = "Failed";
    } else if (o.path("metadata").hasNonNull("deletionTimestamp")) {
      state = "Terminating";
    } else if (conditionTrue(conditions, "Suspended")) {
      state = "Suspended";
    } else if (conditionTrue(conditions, "FailureTarget")) {
      state = "FailureTarget";
    } else {
      state = "Running";
    }
    c.add(c.name(o))
        .add(state)
        .add(completions)
        .add(duration)
        .add(c.age(o))
        .containers(spec.path("template").path("spec"))
        .add(Cells.formatLabelSelector(spec.path("selector")));
  }

  /** Whether the first condition of {@code type} has status True. */
  private static boolean conditionTrue(JsonNode conditions, String type) {
    for (JsonNode condition : conditions) {
      if (type.equals(condition.path("type").asText())) {
        return "True".equals(condition.path("status").asText());
      }
    }
    return false;
  }

  /** A pod's row, with printers.go's rules for STATUS, READY and RESTARTS. */
  private static void pod(JsonNode pod, Cells c) {
    JsonNode spec = pod.path("spec");
    JsonNode status = pod.path("status");
    String phase = status.path("phase").asText("");
    String reason = Cells.text(status.path("reason"), phase);
    for (JsonNode condition : status.path("conditions")) {
      if ("PodScheduled".equals(condition.path("type").asText())
          && "SchedulingGated".equals(condition.path("reason").asText())) {
        reason = "SchedulingGated";
      }
    }
    if (phase.equals("Succeeded")) {
      c.condition("Completed", "True", "Succeeded", "The pod has completed successfully.");
    } else if (phase.equals("Failed")) {
      c.condition("Completed", "True", "Failed", "The pod failed.");
    }
    Set<String> restartableInit = new HashSet<>();
    int initCount = spec.path("initContainers").size();
    int total = spec.path("containers").size();
    for (JsonNode init : spec.path("initContainers")) {
      if ("Always".equals(init.path("restartPolicy").asText())) {
        restartableInit.add(init.path("name").asText());
        total++;
      }
    }
    long restarts = 0;
    long sidecarRestarts = 0;
    Instant lastRestart = null;
    Instant lastSidecarRestart = null;
    int ready = 0;
    boolean initializing = false;
    int index = 0;
    for (JsonNode container : status.path("initContainerStatuses")) {
      boolean restartable = restartableInit.contains(container.path("name").asText());
      long count = container.path("restartCount").asLong(0);
      Instant finished =
          Cells.instant(container.path("lastState").path("terminated").get("finishedAt"));
      restarts += count;
      lastRestart = later(lastRestart, finished);
      if (restartable) {
        sidecarRestarts += count;
        lastSidecarRestart = later(lastSidecarRestart, finished);
      }
      JsonNode terminated = container.path("state").get("terminated");
      JsonNode waiting = container.path("state").get("waiting");
      if (terminated != null && terminated.path("exitCode").asLong(0) == 0) {
        index++;
        continue;
      }
      if (restartable && container.path("started").asBoolean(false)) {
        if (container.path("ready").asBoolean(false)) {
          ready++;
        }
        index++;
        continue;
      }
      if (terminated != null) {
        String why = terminated.path("reason").asText("");
        if (why.isEmpty()) {
          long signal = terminated.path("signal").asLong(0);
          reason =
              signal != 0
                  ? "Init:Signal:" + signal
                  : "Init:ExitCode:" + terminated.path("exitCode").asLong(0);
        } else {
          reason = "Init:" + why;
        }
      } else if (waiting != null
          && !waiting.path("reason").asText("").isEmpty()
          && !"PodInitializing".equals(waiting.path("reason").asText())) {
        reason = "Init:" + waiting.path("reason").asText();
      } else {
        reason = "Init:" + index + "/" + initCount;
      }
      initializing = true;
      break;
    }
    if (!initializing || conditionTrue(status.path("conditions"), "Initialized")) {
      restarts = sidecarRestarts;
      lastRestart = lastSidecarRestart;
      boolean hasRunning = false;
      JsonNode statuses = status.path("containerStatuses");
      for (int i = statuses.size() - 1; i >= 0; i--) {
        JsonNode container = statuses.get(i);
        restarts += container.path("restartCount").asLong(0);
        lastRestart =
            later(
                lastRestart,
                Cells.instant(container.path("lastState").path("terminated").get("finishedAt")));
        JsonNode state = container.path("state");
        JsonNode terminated = state.get("terminated");
        String waitingReason = state.path("waiting").path("reason").asText("");
        if (!waitingReason.isEmpty()) {
          reason = waitingReason;
        } else if (terminated != null && !terminated.path("reason").asText("").isEmpty()) {
          reason = terminated.path("reason").asText();
        } else if (terminated != null) {
          long signal = terminated.path("signal").asLong(0);
          reason =
              signal != 0
                  ? "Signal:" + signal
                  : "ExitCode:" + terminated.path("exitCode").asLong(0);
        } else if (container.path("ready").asBoolean(false) && state.has("running")) {
          hasRunning = true;
          ready++;
        }
      }
      if (reason.equals("Completed") && hasRunning) {
        reason = conditionTrue(status.path("conditions"), "Ready") ? "Running" : "NotReady";
      }
    }
    boolean deleting = pod.path("metadata").hasNonNull("deletionTimestamp");
    if (deleting && "NodeLost".equals(status.path("reason").asText())) {
      reason = "Unknown";
    } else if (deleting && !phase.equals("Succeeded") && !phase.equals("Failed")) {
      reason = "Terminating";
    }
    String restartText = Long.toString(restarts);
    if (restarts != 0 && lastRestart != null) {
      restartText =
          restarts
              + " ("
              + c.since(Json.MAPPER.getNodeFactory().textNode(lastRestart.toString()))
              + " ago)";
    }
    JsonNode ips = status.path("podIPs");
    String ip = ips.size() > 0 ? Cells.text(ips.get(0).path("ip"), "<none>") : "<none>";
    String gates = "<none>";
    JsonNode readinessGates = spec.path("readinessGates");
    if (readinessGates.size() > 0) {
      int trueGates = 0;
      for (JsonNode gate : readinessGates) {
        String type = gate.path("conditionType").asText();
        for (JsonNode condition : status.path("conditions")) {
          if (type.equals(condition.path("type").asText())) {
            if ("True".equals(condition.path("status").asText())) {
              trueGates++;
            }
            break;
          }
        }
      }
      gates = trueGates + "/" + readinessGates.size();
    }
    c.add(c.name(pod))
        .add(ready + "/" + total)
        .add(reason)
        .add(restartText)
        .add(c.age(pod))
        .add(ip)
        .add(Cells.text(spec.path("nodeName"), "<none>"))
        .add(Cells.text(status.path("nominatedNodeName"), "<none>"))
        .add(gates);
  }

  private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
    if (a == null) {
      return b;
    }
    return b != null && b.isAfter(a) ? b : a;
  }
}
