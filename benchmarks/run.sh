#!/usr/bin/env bash
# Reproduces every benchmark of docs/PERFORMANCE.md in one go, from this worktree's sources:
#   benchmarks/run.sh            full run (about 10 minutes on 2 cores)
#   QUICK=1 benchmarks/run.sh    short smoke run (fewer iterations and scans)
#   SCRAPE_ONLY=1 benchmarks/run.sh   only the scrape-cost comparison (psinfo + jmx_exporter,
#                                     process-exporter, the OTel agent; ~15 minutes, needs root
#                                     once to apt-get install prometheus-process-exporter)
# Results land in benchmarks/results/<date>/ (jmh.txt, side-by-side.md, startup-pair.md,
# agent-overhead.md, premain-classes.md, scrape-cost.md).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
out="$here/results/$(date +%Y%m%d-%H%M)"
mkdir -p "$out"

echo "== build: the agent jar (root project) and the benchmarks jar"
(cd "$root" && mvn -B -q package -DskipTests)
(cd "$here" && mvn -B -q package -DskipTests)
jar="$here/target/benchmarks.jar"

echo "== the scrapers: jmx_exporter and the OpenTelemetry Java agent from Maven Central, Debian's process-exporter"
clients="$here/target/clients"
mkdir -p "$clients"
for a in io.prometheus.jmx:jmx_prometheus_javaagent:1.0.1 io.opentelemetry.javaagent:opentelemetry-javaagent:2.31.0; do
  (cd "$here" && mvn -B -q dependency:copy -Dartifact="$a" -DoutputDirectory="$clients" -Dmdep.stripVersion=true)
done
if ! command -v prometheus-process-exporter >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends prometheus-process-exporter
fi
scrape_cost() {
  python3 "$here/scrape-cost.py" --agent "$root/target/psinfo-jmx-agent.jar" --bench-jar "$jar" \
    --jmx-exporter "$clients/jmx_prometheus_javaagent.jar" \
    --otel-agent "$clients/opentelemetry-javaagent.jar" "$@" --out "$out/scrape-cost.md"
}
if [[ "${SCRAPE_ONLY:-}" == 1 ]]; then
  scrape_cost --sizes 500,2000,10000 --rounds 12 --warmup 3
  echo "== results in $out"
  exit 0
fi

{ echo "nproc: $(nproc)"; grep -m1 'model name' /proc/cpuinfo; java -version 2>&1 | head -1
  echo "date: $(date -Iseconds)"; echo "loadavg at start: $(cat /proc/loadavg)"; } | tee "$out/machine.txt"

if [[ "${QUICK:-}" == 1 ]]; then
  jmh=(-wi 1 -i 2 -w 1 -r 1); rounds=(--rounds 8 --slow-rounds 1); runs=(--runs 6 --idle-seconds 3)
  pair=(--runs 6)
else
  jmh=(); rounds=(--rounds 50 --slow-rounds 3); runs=(--runs 30 --idle-seconds 10); pair=(--runs 20)
fi

echo "== JMH (-prof gc): psinfo parse, AIX fake-tree scans (1,000 and 10,000), Linux scan, JMX read, groups"
java -jar "$jar" 'PsinfoParseBench|AixScanBench|LinuxScanBench|MatchBench|GroupMembersBench' -prof gc "${jmh[@]}" \
  -rf text -rff "$out/jmh.txt" | grep -Ev 'gc\.(count|time)|churn' | tail -40

echo "== side by side: psinfo-jmx vs OSHI 6.9.1 vs the floor (1,000 extra idle processes)"
java -cp "$jar" dev.psinfo.bench.SideBySide "${rounds[@]}" --idle 1000 --aix 10000 \
  --out "$out/side-by-side.md"

echo "== start-up pair: trivial main, empty agent vs psinfo-jmx (wall and CPU); jar size"
python3 "$here/startup-pair.py" --agent "$root/target/psinfo-jmx-agent.jar" --bench-jar "$jar" \
  "${pair[@]}" --out "$out/startup-pair.md"

echo "== classes loaded up to the end of premain (-Xlog:class+load), against an empty agent"
python3 "$here/premain-classes.py" --agent "$root/target/psinfo-jmx-agent.jar" --runs 5 \
  --out "$out/premain-classes.md"

echo "== agent overhead: start-up, threads, idle CPU"
java -cp "$jar" dev.psinfo.bench.AgentOverhead --agent "$root/target/psinfo-jmx-agent.jar" \
  "${runs[@]}" --out "$out/agent-overhead.md"

echo "== scrape cost: host CPU and latency per scrape, psinfo + jmx_exporter vs process-exporter vs OTel"
if [[ "${QUICK:-}" == 1 ]]; then
  scrape_cost --sizes 500 --rounds 5 --warmup 2
else
  scrape_cost --sizes 500,2000,10000 --rounds 12 --warmup 3
fi

echo "loadavg at end: $(cat /proc/loadavg)" | tee -a "$out/machine.txt"
echo "== results in $out"
