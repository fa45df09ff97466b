#!/usr/bin/env bash
# Times FaceGate's start to ready, on the embedded PostgreSQL and S3, after a build (./facegate start's launcher).
# usage: docs/benchmarks/start-ready.sh [runs]   (from the checkout, after `mvn -DskipTests install`)
# Each run starts a fresh data directory (initdb, Payara unpacked, domain created, EAR deployed), stops,
# starts it again (a restart), and prints both times with the Payara process's resident memory 30 s
# after it became ready, and the machine's load. Ports 24080, 55499 and 9199 must be free.
set -euo pipefail
cd "$(dirname "$0")/../.."
launcher="java -Dfacegate.repository=$PWD -jar payara-config/target/facegate-launcher.jar"
for i in $(seq 1 "${1:-3}"); do
  data=$(mktemp -d)
  export FACEGATE_DATA_DIR=$data FACEGATE_HTTP_PORT=24080 FACEGATE_EMBEDDED_DB_PORT=55499 FACEGATE_EMBEDDED_S3_PORT=9199
  for phase in first-start restart; do
    log=$data/$phase.log
    $launcher run > "$log" 2>&1 &
    running=$!
    for _ in $(seq 1 900); do grep -q "started in" "$log" && break; sleep 1; done
    sleep 30
    pid=$(pgrep -f "$data/payara/glassfish/domains" | head -1)
    echo "run $i $phase: $(grep -o 'started in [0-9]* s' "$log"), idle RSS $(( $(awk '/VmRSS/{print $2}' /proc/"$pid"/status) / 1024 )) MB, load $(cut -d' ' -f1-3 /proc/loadavg)"
    $launcher stop > /dev/null 2>&1
    wait "$running" || true
  done
  rm -rf "$data"
done
