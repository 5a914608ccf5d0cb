#!/usr/bin/env bash
# Starts examples/DemoHost.java with the psinfo agent and jmx_exporter on loopback:
#   metrics at http://127.0.0.1:${PORT:-9404}/metrics
# Agent options come from $PSINFO_OPTIONS (default: the 200 busiest processes by CPU).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-9404}
options=${PSINFO_OPTIONS:-maxRows=200,exportTop=cpu}
exporter=target/it-clients/jmx_prometheus_javaagent.jar
[ -f target/psinfo-jmx-agent.jar ] || mvn -B -q package -DskipTests
if [ ! -f "$exporter" ]; then
  mvn -B -q dependency:copy -Dartifact=io.prometheus.jmx:jmx_prometheus_javaagent:1.0.1 \
    -DoutputDirectory=target/it-clients -Dmdep.stripVersion=true
fi
echo "metrics: http://127.0.0.1:$port/metrics   (Ctrl-C stops)"
exec java \
  "-javaagent:target/psinfo-jmx-agent.jar=$options" \
  "-javaagent:$exporter=127.0.0.1:$port:jmx-config/psinfo.yaml" \
  -Dsun.net.httpserver.maxRspTime=60 \
  examples/DemoHost.java
