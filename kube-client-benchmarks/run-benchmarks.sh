#!/usr/bin/env bash
# Runs every benchmark of kube-client side by side with fabric8 8.0.0 and the official client
# 25.0.0, and writes the run section of kube-client-benchmarks/RESULTS.md (machine, date, commit,
# medians with min-max, ratios to the better peer). About 11 minutes on 2 cores; run it on a quiet
# machine (the load average is written down with the numbers).
#
#   kube-client-benchmarks/run-benchmarks.sh          # the full run, writes RESULTS.md
#   kube-client-benchmarks/run-benchmarks.sh --quick  # a small run that checks the script only
#
# Each client runs on a class path of its own: kube-client's modules from this build, and the
# programs in peers/ built on their own against fabric8's and the official client's artifacts.
set -euo pipefail
cd "$(dirname "$0")/.."
quick="${1:-}"

# The reactor (never installed) and the runtime class path of kube-client's modules.
mvn -B -q -pl kube-client-benchmarks -am package -DskipTests -Dspotless.check.skip=true \
  dependency:build-classpath -Dmdep.outputFile=target/runtime-classpath.txt \
  -DincludeScope=runtime
informers_jar=$(ls kube-client-informers/target/kube-client-informers-*.jar | grep -v sources | head -1)
kube_cp="kube-client-benchmarks/target/classes:$informers_jar:$(cat kube-client-informers/target/runtime-classpath.txt)"

peer_cp() {
  mvn -B -q -f "kube-client-benchmarks/peers/$1/pom.xml" package \
    dependency:build-classpath -Dmdep.outputFile=target/runtime-classpath.txt \
    -DincludeScope=runtime >&2
  echo "kube-client-benchmarks/peers/$1/target/classes:$(cat "kube-client-benchmarks/peers/$1/target/runtime-classpath.txt")"
}
fabric8_cp=$(peer_cp fabric8)
official_cp=$(peer_cp official)

java -cp kube-client-benchmarks/target/benchmarks.jar dev.kubeclient.benchmarks.e2e.RunAll \
  --kube-client "$kube_cp" --fabric8 "$fabric8_cp" --official "$official_cp" \
  --jar kube-client-benchmarks/target/benchmarks.jar \
  --results kube-client-benchmarks/RESULTS.md --logs kube-client-benchmarks/target/bench-logs \
  --commit "$(git rev-parse --short HEAD)" $quick
